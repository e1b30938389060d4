package dev.koers.ledger;

import dev.koers.client.KoersClient;
import dev.koers.schema.Accepted;
import dev.koers.schema.Outcome;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.TopicTail;
import dev.koers.wire.proof.SubmissionKeyFile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Open-loop probe: Traffic's mix at a fixed rate through KoersClient; submission->outcome and ->view topic. */
public final class OutcomeProbe {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    Path dataDir = Path.of(args[1]);
    int rate = Integer.parseInt(args[2]);
    int warmSeconds = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    KoersTopics topics = KoersTopics.defaults();
    int total = rate * (warmSeconds + seconds);
    List<Traffic.Planned> plan = Traffic.generate(42, total, Instant.now());
    Histogram outcome = new ConcurrentHistogram(60_000_000_000L, 3);
    Histogram visible = new ConcurrentHistogram(60_000_000_000L, 3);
    Histogram pickup = new ConcurrentHistogram(60_000_000_000L, 3);   // intended send -> ledger's recordedAt
    Histogram afterDecide = new ConcurrentHistogram(60_000_000_000L, 3); // recordedAt -> outcome read
    AtomicLong accepted = new AtomicLong(), rejected = new AtomicLong(), failed = new AtomicLong();
    Map<String, Long> pending = new ConcurrentHashMap<>(); // decision#seq -> intended nanos
    Map<String, Long> seen = new ConcurrentHashMap<>();    // decision -> highest sequence on the view topic
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 3_000_000_000L;
    long measureFrom = start + Duration.ofSeconds(warmSeconds).toNanos();
    TopicTail<DecisionSummary> views = new TopicTail<>(KafkaConnection.plain(bootstrap), "probe-views",
        List.of(topics.viewDecisions().name()),
        r -> r.value() == null ? null : topics.viewDecisions().valueSerde().deserializer().deserialize(r.topic(), r.value()),
        s -> {
          long now = System.nanoTime();
          seen.merge(s.getDecisionId().toString(), s.getSequence(), Math::max);
          for (long q = s.getSequence(); q > 0; q--) {
            Long t = pending.remove(s.getDecisionId() + "#" + q);
            if (t == null) break;
            if (t >= measureFrom) visible.recordValue(now - t);
          }
        }, new SimpleMeterRegistry()).start(Duration.ofSeconds(60));
    try (KoersClient client = new KoersClient(bootstrap, topics, "probe", Duration.ofSeconds(30),
        SubmissionKeyFile.load(dataDir.resolve(SubmissionKeyFile.IN_DATA_DIR)))) {
      final long from = measureFrom;
      int n = Math.min(plan.size(), total);
      for (int i = 0; i < n; i++) {
        long intended = start + i * interval;
        long wait;
        while ((wait = intended - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
        client.submit(plan.get(i).submission()).whenComplete((o, e) -> {
          long now = System.nanoTime();
          if (e != null) { failed.incrementAndGet(); return; }
          if (intended >= from) {
            outcome.recordValue(now - intended);
            long wallNow = System.currentTimeMillis();
            long recorded = o.getRecordedAt().toEpochMilli();
            long intendedWall = wallNow - (now - intended) / 1_000_000;
            pickup.recordValue(Math.max(0, recorded - intendedWall) * 1_000_000);
            afterDecide.recordValue(Math.max(0, wallNow - recorded) * 1_000_000);
          }
          if (o.getResult() instanceof Accepted a) {
            accepted.incrementAndGet();
            String d = o.getDecisionId().toString();
            Long s = seen.get(d);
            if (s != null && s >= a.getSequence()) { if (intended >= from) visible.recordValue(now - intended); }
            else pending.put(d + "#" + a.getSequence(), intended);
          } else rejected.incrementAndGet();
        });
        if (i % (rate * 10) == 0) System.err.printf("probe: %d sent, %d waiting%n", i, client.waiting());
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      while ((client.waiting() > 0 || !pending.isEmpty()) && System.nanoTime() < deadline) Thread.sleep(100);
      System.out.printf("probe: rate %d/s, %d s measured after %d s warm-up; accepted %d, rejected %d, failed %d, never visible %d%n",
          rate, seconds, warmSeconds, accepted.get(), rejected.get(), failed.get(), pending.size());
      print("submission->outcome", outcome);
      print("submission->view topic", visible);
      print("  send->ledger decides", pickup);
      print("  decided->outcome read", afterDecide);
    } finally {
      views.close();
    }
  }

  private static void print(String what, Histogram h) {
    System.out.printf("%-24s n=%7d p50=%7.1f p90=%7.1f p99=%7.1f p99.9=%7.1f max=%7.1f ms%n", what, h.getTotalCount(),
        h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6,
        h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6);
  }
}
