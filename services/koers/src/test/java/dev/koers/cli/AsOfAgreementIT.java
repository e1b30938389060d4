package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.schema.DecisionEvent;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auditor's `koers audit replay --as-of` and the API's `/events?asOf=` rebuild the same decision. */
@KafkaIntegrationTest
class AsOfAgreementIT {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theReplayAndTheTimelineAgreeAtEveryMoment(KafkaTestEnv kafka, @TempDir Path dir) throws Exception {
    String prefix = kafka.uniqueName("asof") + ".";
    try (TestNode node = TestNode.start(kafka, dir.resolve("state"), Duration.ofSeconds(20), prefix)) {
      Http anna = node.manager("m-anna");
      assertThat(anna.post("/api/v1/decisions", "{\"decisionId\":\"asof-1\",\"title\":\"Rooms before eight\","
          + "\"unit\":\"north\",\"managerId\":\"m-anna\",\"activityGroup\":\"CONTENT\","
          + "\"occurredAt\":\"2026-11-23T09:00:00Z\"}").statusCode()).isEqualTo(201);
      assertThat(anna.post("/api/v1/decisions/asof-1/hearings",
          "{\"perspective\":\"CUSTOMER\",\"depth\":\"DIALOGUE\",\"occurredAt\":\"2026-11-23T10:00:00Z\"}")
          .statusCode()).isEqualTo(201);
      assertThat(anna.post("/api/v1/decisions/asof-1/outcome",
          "{\"outcome\":\"before eight\",\"occurredAt\":\"2026-11-24T09:00:00Z\"}").statusCode()).isEqualTo(201);
      assertThat(node.stakeholder("r-1", "CUSTOMER").post("/api/v1/decisions/asof-1/feedback",
          "{\"perspective\":\"CUSTOMER\",\"respondentId\":\"r-1\",\"ratings\":{\"clarity\":5}}").statusCode())
          .isEqualTo(201);
      List<DecisionEvent> log = node.eventsOf("asof-1");
      Http auditor = node.auditor();
      await().atMost(Duration.ofSeconds(30)).until(() ->
          auditor.get("/api/v1/decisions/asof-1").body().contains("\"sequence\":4"));

      for (DecisionEvent event : log) {
        Instant asOf = event.getRecordedAt();
        JsonNode timeline = json.readTree(auditor.get("/api/v1/decisions/asof-1/events?asOf=" + asOf).body());
        JsonNode replayed = replay(kafka, prefix, dir, asOf);
        assertThat(replayed.get("decisions")).hasSize(1);
        assertThat(replayed.get("decisions").get(0)).as("as of %s", asOf).isEqualTo(timeline.get("decision"));
        assertThat(timeline.get("decision").get("sequence").asLong()).isEqualTo(event.getSequence());
      }
    }
  }

  private JsonNode replay(KafkaTestEnv kafka, String prefix, Path dir, Instant asOf) throws Exception {
    Path out = dir.resolve("replay-" + asOf.toEpochMilli() + ".json");
    int exit = KoersMain.commandLine().execute("audit", "replay", "--bootstrap-servers", kafka.bootstrapServers(),
        "--topic-prefix", prefix, "--decision", "asof-1", "--as-of", asOf.toString(), "--quiet",
        "--out", out.toString());
    assertThat(exit).isZero();
    return json.readTree(out.toFile());
  }
}
