package dev.koers.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.api.auth.Principal;
import dev.koers.cluster.AnswerTally.Answer;
import dev.koers.cluster.DecisionLives.Acked;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Role;
import dev.koers.testkit.TopicReader;
import dev.koers.wire.KoersTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14.2, a rolling restart on the three-broker installation: two 'koers ledger' and two 'koers api' processes
 * under a steady load of HTTP clients (an Idempotency-Key per command, retries as behind a load balancer), each
 * process stopped in turn with SIGTERM and started again. No request fails apart from the documented retryable
 * answer (503 with Retry-After), no connection breaks under a request, every acknowledged command is in the log
 * exactly once as the event it was told, and no submission is in it twice.
 */
@Tag("faults")
class RollingRestartIT {

  private static final int MANAGERS = 4;
  private static final int PARTITIONS = 3;
  /** Acknowledged commands awaited before the first restart and after each one: the load flows again. */
  private static final int PROGRESS = 40;
  private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(240);
  private static final Duration CLIENT_DEADLINE = Duration.ofSeconds(180);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void eachLedgerAndApiRestartedInTurnFailsNoRequestAndDuplicatesNoEvent(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path root) throws Exception {
    ExecutorService load = Executors.newFixedThreadPool(MANAGERS);
    try (KoersCluster cluster = KoersCluster.start(new KoersCluster.Layout(root, "rolling.", PARTITIONS), 2, 2)) {
      List<String> apis = List.of(cluster.apiUrl(1), cluster.apiUrl(2));
      AnswerTally tally = new AnswerTally();
      ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      for (int m = 0; m < MANAGERS; m++) {
        String managerId = "m-" + m;
        String token = cluster.token(new Principal(managerId, Role.MANAGER, managerId, null), Duration.ofHours(1));
        load.submit(new DecisionLives(managerId, new RetryingClient(apis, m, token, tally, CLIENT_DEADLINE),
            new RetryingClient(apis, m + 1, token, tally, CLIENT_DEADLINE), stop::get, acked));
      }
      awaitProgress(acked, 0, tally);

      for (KoersInstance instance : List.of(cluster.ledger(1), cluster.ledger(2), cluster.api(1), cluster.api(2))) {
        int before = acked.size();
        System.out.println("rolling: SIGTERM to " + instance.name() + " after " + before + " acknowledged, " + tally);
        assertThat(instance.terminate(STOP_TIMEOUT)).as(String.join("\n", instance.lines()))
            .isEqualTo(KoersInstance.SIGTERM_EXIT);
        cluster.restart(instance);
        awaitProgress(acked, acked.size(), tally);
      }
      stop.set(true);
      load.shutdown();
      assertThat(load.awaitTermination(CLIENT_DEADLINE.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
      System.out.println("rolling: done, " + acked.size() + " acknowledged, " + tally);

      assertThat(tally.count(Answer.FAILED) + tally.count(Answer.BROKEN) + tally.count(Answer.GAVE_UP))
          .as("failed, broken or given-up requests (%s):%n%s", tally, tally.examples()).isZero();
      assertExactlyOnce(cluster.bootstrapServers(), cluster.topics(), List.copyOf(acked));
    } finally {
      load.shutdownNow();
    }
  }

  private static void awaitProgress(ConcurrentLinkedQueue<Acked> acked, int from, AnswerTally tally) {
    await().atMost(PROGRESS_TIMEOUT).pollInterval(Duration.ofMillis(200))
        .failFast("the load stopped: " + tally + "\n" + tally.examples(),
            () -> tally.count(Answer.FAILED) + tally.count(Answer.GAVE_UP) > 0)
        .until(() -> acked.size() >= from + PROGRESS);
  }

  /** Every acknowledged command is one event, the one it was told; no submission is in the log twice. */
  private static void assertExactlyOnce(String bootstrapServers, KoersTopics topics, List<Acked> acked) {
    List<ConsumerRecord<String, DecisionEvent>> log;
    try (TopicReader<String, DecisionEvent> reader = new TopicReader<>(bootstrapServers, topics.events().name(),
        IsolationLevel.READ_COMMITTED, Serdes.String().deserializer(), topics.events().valueSerde().deserializer())) {
      log = List.copyOf(reader.catchUp());
    }
    Map<String, List<DecisionEvent>> bySubmission = log.stream().map(ConsumerRecord::value).collect(
        Collectors.groupingBy(e -> e.getDecisionId() + "/" + e.getSubmissionId()));
    assertThat(bySubmission.values()).as("submissions written more than once")
        .allSatisfy(events -> assertThat(events).hasSize(1));
    for (Acked command : acked) {
      List<DecisionEvent> events = bySubmission.get(command.decisionId() + "/" + command.submissionId());
      assertThat(events).as("the log's event for %s", command).isNotNull().hasSize(1);
      assertThat(events.get(0).getEventId()).as("%s", command).isEqualTo(command.eventId());
      assertThat(events.get(0).getSequence()).as("%s", command).isEqualTo(command.sequence());
    }
    Map<String, List<Long>> sequences = new HashMap<>();
    log.forEach(r -> sequences.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value().getSequence()));
    sequences.forEach((decision, seen) -> assertThat(seen).as(decision)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, seen.size()).boxed().toList()));
  }
}
