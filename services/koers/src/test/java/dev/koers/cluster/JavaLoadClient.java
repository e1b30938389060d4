package dev.koers.cluster;

import dev.koers.client.KoersClient;
import dev.koers.schema.Accepted;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The Java client ({@link KoersClient}) used as a tool would: a submission that gets no outcome in time (or
 * whose send fails) is submitted again, the very same submission, after an exponential back-off, until its
 * first outcome arrives. Runs
 * {@code lanes} decision scripts at once until told to stop.
 */
public final class JavaLoadClient implements AutoCloseable {


  private final String name;
  private final String managerId;
  private final KoersClient client;
  private final Acknowledgements acknowledgements;
  private final Duration giveUpAfter;
  private final AtomicInteger decisions = new AtomicInteger();
  private final AtomicLong retries = new AtomicLong();
  private final Map<String, Submission> sent = new ConcurrentHashMap<>();

  public JavaLoadClient(String name, String managerId, KoersClient client, Acknowledgements acknowledgements,
                        Duration giveUpAfter) {
    this.name = name;
    this.managerId = managerId;
    this.client = client;
    this.acknowledgements = acknowledgements;
    this.giveUpAfter = giveUpAfter;
  }

  public CompletableFuture<Void> run(int lanes, BooleanSupplier stop) {
    return CompletableFuture.allOf(IntStream.range(0, lanes).mapToObj(lane -> lane(stop))
        .toArray(CompletableFuture[]::new));
  }

  /**
   * Submits every acknowledged submission of this client once more, the very same submission, and returns each
   * whose outcome is not the first outcome again.
   */
  public List<String> repeat(List<Acknowledgement> acknowledgements) {
    return Repeats.different(acknowledgements, ack -> attempt(sent.get(ack.key()), 1,
        Instant.now().plus(giveUpAfter), "none").thenApply(answered -> String.valueOf(answered.outcome().getResult())));
  }

  /** Whether this client sent that submission (decision/submission id). */
  public boolean sent(Acknowledgement acknowledgement) {
    return sent.containsKey(acknowledgement.key());
  }

  public String name() {
    return name;
  }

  public long retries() {
    return retries.get();
  }

  @Override
  public void close() {
    client.close();
  }

  private record Answered(Outcome outcome, int attempts) {}

  private CompletableFuture<Void> lane(BooleanSupplier stop) {
    if (stop.getAsBoolean()) {
      return CompletableFuture.completedFuture(null);
    }
    List<Supplier<Submission>> steps = DecisionScripts.java(name, managerId, decisions.getAndIncrement());
    return steps(steps, 0, stop).thenCompose(done -> lane(stop));
  }

  private CompletableFuture<Void> steps(List<Supplier<Submission>> steps, int index, BooleanSupplier stop) {
    if (index == steps.size() || stop.getAsBoolean()) {
      return CompletableFuture.completedFuture(null);
    }
    Submission submission = steps.get(index).get();
    sent.put(submission.getDecisionId() + "/" + submission.getSubmissionId(), submission);
    return attempt(submission, 1, Instant.now().plus(giveUpAfter), "none").thenCompose(answered -> {
      Acknowledgement acknowledgement = acknowledge(submission, answered);
      return acknowledgement.accepted() ? steps(steps, index + 1, stop) : CompletableFuture.completedFuture(null);
    });
  }

  private CompletableFuture<Answered> attempt(Submission submission, int attempt, Instant deadline,
                                              String lastFailure) {
    if (Instant.now().isAfter(deadline)) {
      return CompletableFuture.failedFuture(new IllegalStateException(name + ": no outcome for submission "
          + submission.getSubmissionId() + " after " + (attempt - 1) + " attempts in " + giveUpAfter + "; last: "
          + lastFailure));
    }
    return client.submit(submission).handle((outcome, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(new Answered(outcome, attempt));
      }
      retries.incrementAndGet();
      // A client's back-off, not a wait for a state: the retry is scheduled, no thread sleeps.
      return CompletableFuture.supplyAsync(() -> null,
              CompletableFuture.delayedExecutor(Backoff.after(attempt).toMillis(), TimeUnit.MILLISECONDS))
          .thenCompose(ignored -> attempt(submission, attempt + 1, deadline, error.toString()));
    }).thenCompose(next -> next);
  }

  private Acknowledgement acknowledge(Submission submission, Answered answered) {
    Object result = answered.outcome().getResult();
    boolean accepted = result instanceof Accepted;
    Acknowledgement acknowledgement = new Acknowledgement(submission.getDecisionId(), submission.getSubmissionId(),
        accepted, accepted ? ((Accepted) result).getEventId() : null,
        accepted ? ((Accepted) result).getSequence() : -1, String.valueOf(result), answered.attempts(),
        Instant.now());
    acknowledgements.add(acknowledgement);
    return acknowledgement;
  }
}
