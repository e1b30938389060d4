package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.api.auth.Principal;
import dev.koers.schema.Role;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anyone who may write to a topic can write bytes no reader understands. The API's outcome reader and the event
 * stream's feed skip such a record (one log line, one count on /metrics) and go on with the next.
 */
@KafkaIntegrationTest
class UnreadableRecordsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void commandsStillAnswerAfterUnreadableOutcomes(KafkaTestEnv kafka, @TempDir Path state) throws Exception {
    try (TestNode node = TestNode.start(kafka, state, Duration.ofSeconds(20));
         RawRecords raw = new RawRecords(kafka)) {
      String outcomes = node.node().topics().outcomes().name();
      raw.toEveryPartition(outcomes, RawRecords.UNREADABLE);
      int written = raw.partitions(outcomes) * RawRecords.UNREADABLE.size();
      await().atMost(WAIT).until(() -> skipped(node, "koers-api-outcomes", outcomes) == written);

      Http anna = node.manager("m-anna");
      assertThat(anna.post("/api/v1/decisions", open("after-poison", "north")).statusCode()).isEqualTo(201);
      assertThat(anna.post("/api/v1/decisions/after-poison/hearings", "{\"perspective\":\"CUSTOMER\","
          + "\"depth\":\"CONSULTED\"}").statusCode()).isEqualTo(201);
      assertThat(node.admin().get("/ready").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void streamSubscribersStillGetChangesAfterUnreadableViews(KafkaTestEnv kafka, @TempDir Path state)
      throws Exception {
    try (TestNode node = TestNode.start(kafka, state, Duration.ofSeconds(20));
         RawRecords raw = new RawRecords(kafka);
         StreamSubscriber dashboard = StreamSubscriber.subscribed(node.node().url(),
             node.token(new Principal("dashboard", Role.VIEWER, null, null)))) {
      String decisions = node.node().topics().viewDecisions().name();
      String metrics = node.node().topics().viewMetrics().name();
      raw.toEveryPartition(decisions, RawRecords.UNREADABLE);
      raw.toEveryPartition(metrics, RawRecords.UNREADABLE);
      // A null value on a compacted view topic is a tombstone, not an unreadable record.
      int unreadable = raw.partitions(decisions) * (RawRecords.UNREADABLE.size() - 1);
      await().atMost(WAIT).until(() -> skipped(node, "koers-view-feed", decisions) == unreadable
          && skipped(node, "koers-view-feed", metrics) == unreadable);

      assertThat(node.manager("m-anna").post("/api/v1/decisions", open("seen-after-poison", "north"))
          .statusCode()).isEqualTo(201);
      await().atMost(WAIT).until(() -> dashboard.data("decision").stream()
          .anyMatch(d -> d.get("decisionId").asText().equals("seen-after-poison")));
      await().atMost(WAIT).until(() -> dashboard.data("metrics").stream()
          .anyMatch(d -> d.get("scope").path("unit").asText().equals("north")));
      assertThat(dashboard.ended()).isFalse();
      assertThat(node.admin().get("/ready").statusCode()).isEqualTo(200);
    }
  }

  private static String open(String decisionId, String unit) {
    return "{\"decisionId\":\"" + decisionId + "\",\"title\":\"After poison\",\"unit\":\"" + unit + "\","
        + "\"managerId\":\"m-anna\",\"activityGroup\":\"POWER\"}";
  }

  /** The reader's count of skipped records of one topic, as /metrics shows it (0 before the first). */
  private static long skipped(TestNode node, String reader, String topic) throws Exception {
    return (long) MetricsText.value(node.admin().get("/metrics").body(), "koers_reader_unreadable_total",
        "reader", reader, "topic", topic);
  }
}
