package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Read your own writes through a real broker: a query asking for the sequence a command just answered sees
 * that write at once, every time, instead of the views' older state; a sequence never reached is a bounded 503.
 */
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadYourWritesIT {

  private static final int ROUNDS = 50;
  private final ObjectMapper json = new ObjectMapper();
  private TestNode node;
  private Http anna;

  @BeforeAll
  void start(KafkaTestEnv kafka, @TempDir Path stateDir) throws InterruptedException {
    node = TestNode.start(kafka, stateDir, Duration.ofSeconds(20));
    anna = node.manager("m-anna");
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void aQueryWithTheAnsweredSequenceAlwaysSeesTheCommandsWrite() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String id = "ryw-" + round;
      long opened = sequenceOf(anna.post("/api/v1/decisions", "{\"decisionId\":\"" + id + "\",\"title\":\"Round "
          + round + "\",\"unit\":\"north\",\"managerId\":\"m-anna\",\"activityGroup\":\"OWN_ACTION\"}"));

      HttpResponse<String> read = anna.get("/api/v1/decisions/" + id + "?minSequence=" + opened);
      assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
      JsonNode decision = json.readTree(read.body());
      assertThat(decision.get("sequence").asLong()).isEqualTo(opened);
      assertThat(decision.get("title").asText()).isEqualTo("Round " + round);
      assertThat(decision.get("status").asText()).isEqualTo("OPEN");

      long withdrawn = sequenceOf(anna.post("/api/v1/decisions/" + id + "/withdrawal",
          "{\"reason\":\"round " + round + " done\"}"));
      HttpResponse<String> events = anna.get("/api/v1/decisions/" + id + "/events",
          "X-Koers-Min-Sequence", Long.toString(withdrawn));
      assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
      JsonNode timeline = json.readTree(events.body());
      assertThat(timeline.get("events")).hasSize(2);
      assertThat(timeline.get("decision").get("status").asText()).isEqualTo("WITHDRAWN");
      assertThat(timeline.get("decision").get("sequence").asLong()).isEqualTo(withdrawn);
    }
  }

  @Tag("attack")
  @ParameterizedTest
  @ValueSource(strings = {"-1", "99999999999999999999", "abc", "1e3", "%20"})
  void aBadMinSequenceIsA400NamingTheParameter(String value) throws Exception {
    for (String path : new String[] {"/api/v1/decisions/ryw-bad", "/api/v1/decisions/ryw-bad/events"}) {
      HttpResponse<String> query = anna.get(path + "?minSequence=" + value);
      assertThat(query.statusCode()).as(query.body()).isEqualTo(400);
      assertThat(json.readTree(query.body()).get("field").asText()).isEqualTo("minSequence");

      HttpResponse<String> header = anna.get(path, "X-Koers-Min-Sequence", value.replace("%20", "x"));
      assertThat(header.statusCode()).as(header.body()).isEqualTo(400);
      assertThat(json.readTree(header.body()).get("field").asText()).isEqualTo("X-Koers-Min-Sequence");
    }
  }

  @Tag("attack")
  @Test
  void aSequenceNeverReachedIsA503WithRetryAfterOnceTheBoundPasses() throws Exception {
    long opened = sequenceOf(anna.post("/api/v1/decisions", "{\"decisionId\":\"ryw-far\",\"title\":\"Far\","
        + "\"unit\":\"north\",\"managerId\":\"m-anna\",\"activityGroup\":\"OWN_ACTION\"}"));
    long huge = Long.MAX_VALUE;
    for (String path : new String[] {"/api/v1/decisions/ryw-far", "/api/v1/decisions/ryw-far/events"}) {
      HttpResponse<String> query = anna.get(path + "?minSequence=" + huge);
      assertThat(query.statusCode()).as(query.body()).isEqualTo(503);
      assertThat(query.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(query.body()).contains("urn:koers:problem:unavailable", "sequence " + huge,
          "the view holds sequence " + opened);
    }
  }

  @Test
  void aDecisionThatNeverCameIsA503WithMinSequenceAndA404Without() throws Exception {
    HttpResponse<String> waited = anna.get("/api/v1/decisions/ryw-never?minSequence=1");
    assertThat(waited.statusCode()).as(waited.body()).isEqualTo(503);
    assertThat(waited.body()).contains("the view holds nothing of it yet");
    assertThat(anna.get("/api/v1/decisions/ryw-never").statusCode()).isEqualTo(404);
  }

  private long sequenceOf(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
    return json.readTree(answer.body()).get("sequence").asLong();
  }
}
