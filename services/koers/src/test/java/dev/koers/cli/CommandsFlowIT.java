package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every command of the API through the real ledger: accepted ones chain up, broken rules are named. */
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsFlowIT {

  private final ObjectMapper json = new ObjectMapper();
  private TestNode node;
  private Http anna;

  @BeforeAll
  void start(KafkaTestEnv kafka, @TempDir Path stateDir) throws InterruptedException {
    node = TestNode.start(kafka, stateDir, Duration.ofSeconds(10));
    anna = node.manager("m-anna");
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void aDecisionsWholeLifeIsOneVerifiableChain() throws Exception {
    open("life-1");
    assertSequence(anna.post("/api/v1/decisions/life-1/hearings",
        "{\"perspective\":\"CUSTOMER\",\"depth\":\"DIALOGUE\",\"summary\":\"weekly slot wanted\"}"), 2);
    assertSequence(anna.post("/api/v1/decisions/life-1/hearings",
        "{\"perspective\":\"OTHER\",\"label\":\"end users\",\"depth\":\"CONSULTED\"}"), 3);
    assertSequence(anna.post("/api/v1/decisions/life-1/outcome",
        "{\"outcome\":\"Tuesday slot\",\"rationale\":\"fits both\",\"usesPower\":true}"), 4);
    assertSequence(anna.post("/api/v1/decisions/life-1/communications",
        "{\"audience\":[\"CUSTOMER\",\"EMPLOYEE\"],\"channel\":\"team meeting\"}"), 5);
    assertSequence(anna.post("/api/v1/decisions/life-1/revisions",
        "{\"reason\":\"holiday\",\"outcome\":\"Wednesday slot\"}"), 6);
    assertSequence(node.stakeholder("r-1", "CUSTOMER").post("/api/v1/decisions/life-1/feedback",
        "{\"perspective\":\"CUSTOMER\",\"respondentId\":\"r-1\",\"ratings\":{\"clarity\":5,\"speed\":4,"
            + "\"heard\":4,\"addedValue\":5},\"comment\":\"good\"}"), 7);

    List<DecisionEvent> chain = node.eventsOf("life-1");
    assertThat(chain).extracting(DecisionEvent::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    HashChain hashes = new HashChain();
    for (int i = 0; i < chain.size(); i++) {
      assertThat(hashes.verifies(chain.get(i))).isTrue();
      assertThat(chain.get(i).getPreviousHash())
          .isEqualTo(i == 0 ? HashChain.GENESIS : chain.get(i - 1).getHash());
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> sequenceShown("life-1") == 7);
    JsonNode decision = json.readTree(anna.get("/api/v1/decisions/life-1").body());
    assertThat(decision.get("status").asText()).isEqualTo("DECIDED");
    assertThat(decision.get("outcome").asText()).isEqualTo("Wednesday slot");
    assertThat(decision.get("revisions").asInt()).isEqualTo(1);
    assertThat(decision.get("hearings")).hasSize(2);
    assertThat(decision.get("firstCommunicatedAt").isNull()).isFalse();
    assertThat(decision.toString()).doesNotContain("r-1").doesNotContain("good");

    // The timeline store follows the same record as the decision store, a moment later at most.
    await().atMost(Duration.ofSeconds(10)).until(() -> json.readTree(
        node.auditor().get("/api/v1/decisions/life-1/events").body()).get("events").size() == 7);
    JsonNode timeline = json.readTree(node.auditor().get("/api/v1/decisions/life-1/events").body());
    assertThat(timeline.get("events")).hasSize(7);
    JsonNode feedback = timeline.get("events").get(6);
    assertThat(feedback.get("kind").asText()).isEqualTo("FeedbackGiven");
    assertThat(feedback.get("data").get("respondentId").asText()).isEqualTo("r-1");
    assertThat(feedback.get("hash").asText()).isEqualTo(HexFormat.of().formatHex(chain.get(6).getHash().bytes()));

    // Viewers see that a feedback was recorded, and where in the chain, but nothing of what it said.
    JsonNode forViewers = json.readTree(node.viewer().get("/api/v1/decisions/life-1/events").body());
    assertThat(forViewers.get("events").get(6).get("data")).isEmpty();
    assertThat(forViewers.get("events").get(6).get("actorId").isNull()).isTrue();
    assertThat(forViewers.get("events").get(6).get("hash")).isEqualTo(feedback.get("hash"));

    String asOf = chain.get(2).getRecordedAt().toString();
    JsonNode then = json.readTree(node.auditor().get("/api/v1/decisions/life-1/events?asOf=" + asOf).body());
    assertThat(then.get("events")).hasSize(3);
    assertThat(then.get("decision").get("status").asText()).isEqualTo("OPEN");
    assertThat(then.get("decision").get("sequence").asInt()).isEqualTo(3);
    assertThat(node.auditor().get("/api/v1/decisions/life-1/events?asOf=2000-01-01T00:00:00Z").statusCode())
        .isEqualTo(404);
    assertThat(node.auditor().get("/api/v1/decisions/life-1/events?asOf=yesterday").statusCode()).isEqualTo(400);
  }

  @Test
  void aBrokenRuleIsNamedWithTheDecisionsSequenceAndWritesNothing() throws Exception {
    open("rules-1");
    int before = node.eventsOf("rules-1").size();

    assertRule(anna.post("/api/v1/decisions/never/hearings", "{\"perspective\":\"CUSTOMER\",\"depth\":\"INFORMED\"}"),
        404, "DECISION_NOT_FOUND");
    assertRule(node.admin().post("/api/v1/decisions/rules-1/feedback",
        "{\"perspective\":\"CUSTOMER\",\"respondentId\":\"r-1\",\"ratings\":{\"clarity\":4}}"),
        409, "DECISION_NOT_DECIDED");
    // A stakeholder, who may not read the decision, is not told its state or sequence (docs/api.md).
    HttpResponse<String> notTaken = node.stakeholder("r-1", "CUSTOMER").post("/api/v1/decisions/rules-1/feedback",
        "{\"perspective\":\"CUSTOMER\",\"respondentId\":\"r-1\",\"ratings\":{\"clarity\":4}}");
    assertThat(notTaken.statusCode()).isEqualTo(409);
    assertThat(json.readTree(notTaken.body()).has("sequence")).isFalse();
    assertThat(notTaken.body()).doesNotContain("DECISION_NOT_DECIDED", "OPEN");
    assertRule(node.manager("m-bob").post("/api/v1/decisions/rules-1/outcome", "{\"outcome\":\"mine now\"}"),
        403, "NOT_OWNING_MANAGER");
    assertRule(anna.post("/api/v1/decisions/rules-1/hearings",
        "{\"perspective\":\"OTHER\",\"depth\":\"INFORMED\"}"), 422, "LABEL_REQUIRED");
    assertRule(anna.post("/api/v1/decisions/rules-1/outcome",
        "{\"outcome\":\"yes\",\"occurredAt\":\"2099-01-01T00:00:00Z\"}"), 422, "OCCURS_IN_FUTURE");
    assertThat(node.eventsOf("rules-1")).hasSize(before);

    assertSequence(anna.post("/api/v1/decisions/rules-1/outcome", "{\"outcome\":\"yes\"}"), 2);
    assertRule(anna.post("/api/v1/decisions/rules-1/outcome", "{\"outcome\":\"again\"}"), 409, "DECISION_NOT_OPEN");
    assertRule(node.stakeholder("r-1", "CUSTOMER").post("/api/v1/decisions/rules-1/feedback",
        "{\"perspective\":\"CUSTOMER\",\"respondentId\":\"r-1\",\"ratings\":{\"clarity\":7}}"),
        422, "RATING_OUT_OF_RANGE");
    assertRule(anna.post("/api/v1/decisions/rules-1/withdrawal", "{\"reason\":\"changed my mind\"}"),
        409, "DECISION_NOT_OPEN");
    HttpResponse<String> half = node.stakeholder("r-1", "CUSTOMER").post("/api/v1/decisions/rules-1/feedback",
        "{\"perspective\":\"CUSTOMER\",\"respondentId\":\"r-1\",\"ratings\":{\"clarity\":3.5}}");
    assertThat(half.statusCode()).isEqualTo(400);
    assertThat(json.readTree(half.body()).get("field").asText()).isEqualTo("ratings.clarity");
    assertThat(node.eventsOf("rules-1")).hasSize(before + 1);
  }

  @Test
  void aStaleIfMatchIsAConflictAndOfTwoConcurrentWritersExactlyOneWins() throws Exception {
    open("race-1");
    assertRule(anna.post("/api/v1/decisions/race-1/hearings", "{\"perspective\":\"CUSTOMER\",\"depth\":\"DIALOGUE\"}",
        "If-Match", "\"7\""), 409, "STALE_SEQUENCE");
    assertThat(anna.post("/api/v1/decisions/race-1/hearings", "{\"perspective\":\"CUSTOMER\",\"depth\":\"DIALOGUE\"}",
        "If-Match", "soon").statusCode()).isEqualTo(400);

    Callable<HttpResponse<String>> writer = () -> anna.post("/api/v1/decisions/race-1/hearings",
        "{\"perspective\":\"EMPLOYEE\",\"depth\":\"CONSULTED\"}", "If-Match", "\"1\"");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<HttpResponse<String>>> both = pool.invokeAll(List.of(writer, writer));
      List<Integer> statuses = List.of(both.get(0).get().statusCode(), both.get(1).get().statusCode());
      assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    } finally {
      pool.shutdown();
    }
    assertThat(node.eventsOf("race-1")).extracting(DecisionEvent::getSequence).containsExactly(1L, 2L);
  }

  @Test
  void aWithdrawnDecisionTakesNoMoreCommands() throws Exception {
    open("gone-1");
    assertSequence(anna.post("/api/v1/decisions/gone-1/withdrawal", "{\"reason\":\"no longer needed\"}"), 2);
    assertRule(anna.post("/api/v1/decisions/gone-1/outcome", "{\"outcome\":\"late\"}"), 409, "DECISION_NOT_OPEN");
    assertRule(anna.post("/api/v1/decisions/gone-1/revisions", "{\"reason\":\"r\",\"outcome\":\"o\"}"), 409,
        "DECISION_NOT_DECIDED");
  }

  @Test
  void everyExampleRequestFileIsAcceptedAsDocumented() throws Exception {
    Path examples = Path.of("../../examples");
    HttpResponse<String> opened = anna.post("/api/v1/decisions", Files.readString(examples.resolve("open-decision.json")));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String id = json.readTree(opened.body()).get("decisionId").asText();
    Http respondent = node.stakeholder("r-7f3a", "CUSTOMER");
    String[][] steps = {{"hearings", "hear-customer.json"}, {"outcome", "make-decision.json"},
        {"communications", "communicate.json"}, {"revisions", "revise.json"}, {"feedback", "feedback.json"}};
    long sequence = 1;
    for (String[] step : steps) {
      Http who = step[0].equals("feedback") ? respondent : anna;
      assertSequence(who.post("/api/v1/decisions/" + id + "/" + step[0],
          Files.readString(examples.resolve(step[1]))), ++sequence);
    }
    HttpResponse<String> other = anna.post("/api/v1/decisions", Files.readString(examples.resolve("open-decision.json")));
    String otherId = json.readTree(other.body()).get("decisionId").asText();
    assertSequence(anna.post("/api/v1/decisions/" + otherId + "/withdrawal",
        Files.readString(examples.resolve("withdraw.json"))), 2);
    HttpResponse<String> bad = anna.post("/api/v1/decisions", Files.readString(examples.resolve("open-decision-bad.json")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("field").asText()).isEqualTo("activityGroup");
  }

  private void open(String id) throws IOException, InterruptedException {
    assertSequence(anna.post("/api/v1/decisions", "{\"decisionId\":\"" + id + "\",\"title\":\"Cleaning schedule\","
        + "\"unit\":\"north\",\"managerId\":\"m-anna\",\"activityGroup\":\"INTERACTION\"}"), 1);
  }

  private void assertSequence(HttpResponse<String> response, long sequence) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(json.readTree(response.body()).get("sequence").asLong()).isEqualTo(sequence);
    assertThat(response.headers().firstValue("ETag")).hasValue("\"" + sequence + "\"");
  }

  private void assertRule(HttpResponse<String> response, int status, String rule) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("rule").asText()).isEqualTo(rule);
    assertThat(problem.get("detail").asText()).isNotBlank();
  }

  private long sequenceShown(String id) throws IOException, InterruptedException {
    HttpResponse<String> response = anna.get("/api/v1/decisions/" + id);
    return response.statusCode() == 200 ? json.readTree(response.body()).get("sequence").asLong() : -1;
  }
}
