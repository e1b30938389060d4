package dev.koers.bench.pipeline;

import dev.koers.schema.Submission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * One client's open-loop run: every submission of the mix sent on time through one {@link SubmissionPath} (over
 * HTTP after its decision's previous one is answered, as a user would; {@link DecisionOrder});
 * each accepted one read back with {@code minSequence} as soon as its answer comes, and looked for on the event
 * stream at the end. Every latency counts from the submission's due moment.
 */
final class LatencyPhase {

  private static final Duration SETTLE = Duration.ofMinutes(2);
  private static final Duration STREAM_GRACE = Duration.ofSeconds(60);

  /** What one client measured; histograms in microseconds. */
  record Result(String path, long measured, double sentPerSecond, Histogram outcome, Histogram visible,
                Histogram stream, Map<String, Long> problems, Map<String, Long> refusals) {}

  private record Written(String decisionId, long sequence, long dueNanos) {}

  private LatencyPhase() {}

  static Result run(BenchRun run, SubmissionPath path, SubmissionMix mix, VisibilityProbe probe,
      EventStreamWatcher stream) throws InterruptedException {
    int rate = run.settings().rate();
    List<Submission> submissions = mix.submissions();
    long start = System.nanoTime() + Duration.ofMillis(20).toNanos();
    LatencyRecorder recorder = new LatencyRecorder(start + run.settings().warmup().toNanos());
    Queue<Written> written = new ConcurrentLinkedQueue<>();
    Map<String, Long> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicInteger pending = new AtomicInteger();
    DecisionOrder order = new DecisionOrder(path);
    run.progress(String.format(java.util.Locale.ROOT, "latency: %s, %,d submissions at %,d/s (the first %s unmeasured)",
        path.name(), submissions.size(), rate, Figures.seconds(run.settings().warmup())));
    OpenLoop.run(start, submissions.size(), rate, (i, due) -> {
      Submission submission = submissions.get(i);
      pending.incrementAndGet();
      order.submit(submission).whenComplete((answer, error) -> {
        long at = System.nanoTime();
        if (error != null) {
          recorder.problem("no answer: " + rootCause(error).getClass().getSimpleName(), due);
        } else if (!answer.answered()) {
          recorder.problem("no answer: " + answer.refusal(), due);
        } else {
          recorder.record(LatencyRecorder.OUTCOME, due, at);
          if (answer.isAccepted()) {
            readBack(submission.getDecisionId(), answer.sequence(), due, probe, recorder, written, pending);
          } else if (recorder.measured(due)) {
            refusals.merge(answer.refusal(), 1L, Long::sum);
          }
        }
        pending.decrementAndGet();
      });
    });
    long sentNanos = System.nanoTime() - start;
    awaitSettled(pending);
    awaitOnStream(written, stream);
    written.forEach(w -> {
      Long seen = stream.firstSeen(w.decisionId(), w.sequence());
      if (seen == null) {
        recorder.problem("not seen on the stream", w.dueNanos());
      } else {
        recorder.record(LatencyRecorder.STREAM, w.dueNanos(), seen);
      }
    });
    Histogram outcome = recorder.histogram(LatencyRecorder.OUTCOME);
    Map<String, Long> problems = new TreeMap<>();
    recorder.problems().forEach((what, n) -> problems.put(what, n.get()));
    return new Result(path.name(), outcome.getTotalCount(), submissions.size() / (sentNanos / 1e9), outcome,
        recorder.histogram(LatencyRecorder.VISIBLE), recorder.histogram(LatencyRecorder.STREAM), problems,
        new TreeMap<>(refusals));
  }

  private static void readBack(String decisionId, long sequence, long due, VisibilityProbe probe,
      LatencyRecorder recorder, Queue<Written> written, AtomicInteger pending) {
    if (!recorder.measured(due)) {
      return;
    }
    written.add(new Written(decisionId, sequence, due));
    pending.incrementAndGet();
    probe.read(decisionId, sequence).whenComplete((status, error) -> {
      if (error != null) {
        recorder.problem("read back failed: " + rootCause(error).getClass().getSimpleName(), due);
      } else if (status == 200) {
        recorder.record(LatencyRecorder.VISIBLE, due, System.nanoTime());
      } else {
        recorder.problem("read back answered " + status, due);
      }
      pending.decrementAndGet();
    });
  }

  /** The last writes reach the stream a commit or more after their answer: waits, bounded, until all show. */
  private static void awaitOnStream(Queue<Written> written, EventStreamWatcher stream) throws InterruptedException {
    long deadline = System.nanoTime() + STREAM_GRACE.toNanos();
    while (System.nanoTime() < deadline
        && written.stream().anyMatch(w -> stream.firstSeen(w.decisionId(), w.sequence()) == null)) {
      Thread.sleep(200);
    }
  }

  private static void awaitSettled(AtomicInteger pending) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (pending.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
