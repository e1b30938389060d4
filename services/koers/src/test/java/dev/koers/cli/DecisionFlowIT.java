package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.event.DecisionOpened;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One decision end to end through a real broker: HTTP → submissions → ledger → events + outcome → HTTP 201 →
 * views → HTTP GET. Bad input is refused with problem+json and never reaches the log.
 */
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionFlowIT {

  private final ObjectMapper json = new ObjectMapper();
  private TestNode node;
  private Http http;

  @BeforeAll
  void start(KafkaTestEnv kafka, @TempDir Path stateDir) throws InterruptedException {
    node = TestNode.start(kafka, stateDir, Duration.ofSeconds(10));
    http = node.admin();
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void anOpenedDecisionIsAcceptedAsEventOneAndReadBackFromTheViews() throws Exception {
    HttpResponse<String> created = post("/api/v1/decisions", """
        {"decisionId": "flow-1", "title": "Weekly talk with the customer's users", "unit": "north",
         "managerId": "m-anna", "activityGroup": "INTERACTION", "dueBy": "2026-12-31T17:00:00+01:00",
         "occurredAt": "2026-11-23T09:00:00+01:00"}""");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/decisions/flow-1");
    JsonNode accepted = json.readTree(created.body());
    assertThat(accepted.get("sequence").asLong()).isEqualTo(1);
    String hash = accepted.get("hash").asText();

    DecisionEvent logged = eventsOf("flow-1").get(0).value();
    assertThat(logged.getSequence()).isEqualTo(1);
    assertThat(HexFormat.of().formatHex(logged.getHash().bytes())).isEqualTo(hash);
    assertThat(new HashChain().verifies(logged)).isTrue();
    assertThat(logged.getPayload()).isInstanceOfSatisfying(DecisionOpened.class,
        opened -> assertThat(opened.getTitle()).isEqualTo("Weekly talk with the customer's users"));

    await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/decisions/flow-1").statusCode() == 200);
    JsonNode decision = json.readTree(get("/api/v1/decisions/flow-1").body());
    assertThat(decision.get("status").asText()).isEqualTo("OPEN");
    assertThat(decision.get("sequence").asLong()).isEqualTo(1);
    assertThat(decision.get("hash").asText()).isEqualTo(hash);
    assertThat(decision.get("unit").asText()).isEqualTo("north");
    assertThat(decision.get("managerId").asText()).isEqualTo("m-anna");
    assertThat(decision.get("activityGroup").asText()).isEqualTo("INTERACTION");
    assertThat(decision.get("openedAt").asText()).isEqualTo("2026-11-23T08:00:00Z");
    assertThat(decision.get("dueBy").asText()).isEqualTo("2026-12-31T16:00:00Z");
    assertThat(decision.get("decidedAt").isNull()).isTrue();
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndTheLogDoesNotChange() throws Exception {
    assertThat(post("/api/v1/decisions", """
        {"decisionId": "flow-bad", "title": "A", "unit": "north", "managerId": "m-1", "activityGroup": "POWER"}""")
        .statusCode()).isEqualTo(201);
    List<ConsumerRecord<String, DecisionEvent>> before = allEvents();

    assertProblem(post("/api/v1/decisions", "{\"title\": \"A\","), 400, "field", null);
    assertProblem(post("/api/v1/decisions", "[1, 2]"), 400, "field", null);
    assertProblem(post("/api/v1/decisions", """
        {"unit": "north", "managerId": "m-1", "activityGroup": "POWER"}"""), 400, "field", "title");
    assertProblem(post("/api/v1/decisions", """
        {"title": "A", "unit": "north", "managerId": "m-1", "activityGroup": "MIGHT"}"""), 400, "field",
        "activityGroup");
    assertProblem(post("/api/v1/decisions", """
        {"title": "A", "unit": "north", "managerId": "m-1", "activityGroup": "POWER", "dueBy": "tomorrow"}"""),
        400, "field", "dueBy");
    assertProblem(post("/api/v1/decisions", """
        {"title": "A", "unit": "north", "managerId": "m-1", "activityGroup": "POWER", "colour": "red"}"""),
        400, "field", "colour");
    assertProblem(post("/api/v1/decisions", """
        {"decisionId": "no spaces", "title": "A", "unit": "north", "managerId": "m-1", "activityGroup": "POWER"}"""),
        400, "field", "decisionId");
    assertProblem(post("/api/v1/decisions", """
        {"decisionId": "flow-bad", "title": "B", "unit": "north", "managerId": "m-1", "activityGroup": "POWER"}"""),
        409, "rule", "DECISION_ALREADY_EXISTS");
    assertProblem(post("/api/v1/decisions", "{\"title\": \"" + "t".repeat(201) + "\", \"unit\": \"north\", "
        + "\"managerId\": \"m-1\", \"activityGroup\": \"POWER\"}"), 422, "rule", "TITLE_LENGTH");

    assertThat(allEvents()).hasSameSizeAs(before);
  }

  @Test
  void anUnknownDecisionIsANotFoundProblem() throws Exception {
    assertProblem(get("/api/v1/decisions/never-opened"), 404, "detail", null);
  }

  @Test
  void theSameIdempotencyKeyGivesTheSameAnswerAndOneEvent() throws Exception {
    String body = """
        {"title": "Retry me", "unit": "south", "managerId": "m-2", "activityGroup": "CONTENT"}""";
    HttpResponse<String> first = post("/api/v1/decisions", body, "Idempotency-Key", "key-42");
    HttpResponse<String> second = post("/api/v1/decisions", body, "Idempotency-Key", "key-42");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(second.body()).isEqualTo(first.body());
    String decisionId = json.readTree(first.body()).get("decisionId").asText();
    assertThat(eventsOf(decisionId)).hasSize(1);
  }

  @Test
  void healthReadinessMetricsAndTheOpenApiDocumentAnswer() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/ready").body()).contains("READY");
    assertThat(get("/metrics").body()).contains("jvm_memory_used_bytes", "kafka_stream");
    assertThat(json.readTree(get("/api/v1/openapi.json").body()).get("openapi").asText()).startsWith("3.");
  }

  private void assertProblem(HttpResponse<String> response, int status, String member, String value)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
    if (value != null) {
      assertThat(problem.get(member).asText()).isEqualTo(value);
      assertThat(problem.get("detail").asText()).contains(member.equals("field") ? value : "");
    }
  }

  private List<ConsumerRecord<String, DecisionEvent>> allEvents() {
    return node.events();
  }

  private List<ConsumerRecord<String, DecisionEvent>> eventsOf(String decisionId) {
    return allEvents().stream().filter(r -> decisionId.equals(r.key())).toList();
  }

  private HttpResponse<String> post(String path, String body, String... headers)
      throws IOException, InterruptedException {
    return http.post(path, body, headers);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.get(path);
  }
}
