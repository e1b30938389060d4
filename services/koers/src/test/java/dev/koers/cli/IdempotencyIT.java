package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.schema.DecisionEvent;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Idempotency-Key belongs to its caller (docs/api.md#idempotency): the same caller with the same request
 * gets the first answer again; another caller gets 409, the same caller with another request 422, and neither
 * learns anything of the first answer; many concurrent retries all get the one answer.
 */
@Tag("attack")
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIT {

  private static final String HEARING = """
      {"perspective": "CUSTOMER", "depth": "DIALOGUE", "summary": "Talked it through with the users."}""";

  private final ObjectMapper json = new ObjectMapper();
  private TestNode node;
  private Http m1;
  private Http m2;

  @BeforeAll
  void start(KafkaTestEnv kafka, @TempDir Path stateDir) throws InterruptedException {
    node = TestNode.start(kafka, stateDir, Duration.ofSeconds(30));
    m1 = node.manager("m-1");
    m2 = node.manager("m-2");
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void anotherManagerReusingAKeyIsRefusedWith409AndLearnsNothingOfTheFirstAnswer() throws Exception {
    open("idem-1");
    HttpResponse<String> first = m1.post("/api/v1/decisions/idem-1/hearings", HEARING, "Idempotency-Key", "h1");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

    HttpResponse<String> stolen = m2.post("/api/v1/decisions/idem-1/hearings", HEARING, "Idempotency-Key", "h1");
    HttpResponse<String> again = m1.post("/api/v1/decisions/idem-1/hearings", HEARING, "Idempotency-Key", "h1");

    assertProblem(stolen, 409, "IDEMPOTENCY_KEY_IN_USE");
    JsonNode accepted = json.readTree(first.body());
    assertThat(stolen.body()).doesNotContain(accepted.get("eventId").asText())
        .doesNotContain(accepted.get("hash").asText());
    assertThat(json.readTree(stolen.body()).has("sequence")).isFalse();
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(node.eventsOf("idem-1")).hasSize(2);
  }

  @Test
  void aKeySentFirstByAManagerWhoMayNotActDoesNotLockOutTheOwner() throws Exception {
    open("idem-2");

    HttpResponse<String> squat = m2.post("/api/v1/decisions/idem-2/hearings", HEARING, "Idempotency-Key", "h2");
    HttpResponse<String> owner = m1.post("/api/v1/decisions/idem-2/hearings", HEARING, "Idempotency-Key", "h2");

    assertProblem(squat, 403, "NOT_OWNING_MANAGER");
    assertThat(owner.statusCode()).as(owner.body()).isEqualTo(201);
    assertThat(node.eventsOf("idem-2")).hasSize(2);
  }

  @Test
  void theSameKeyWithAnotherRequestIs422AndTheKeyKeepsItsFirstAnswer() throws Exception {
    open("idem-3");
    HttpResponse<String> first = m1.post("/api/v1/decisions/idem-3/hearings", HEARING, "Idempotency-Key", "h3");

    HttpResponse<String> other = m1.post("/api/v1/decisions/idem-3/hearings",
        HEARING.replace("CUSTOMER", "EMPLOYEE"), "Idempotency-Key", "h3");
    HttpResponse<String> conditional = m1.post("/api/v1/decisions/idem-3/hearings", HEARING,
        "Idempotency-Key", "h3", "If-Match", "\"2\"");
    HttpResponse<String> again = m1.post("/api/v1/decisions/idem-3/hearings", HEARING, "Idempotency-Key", "h3");

    assertProblem(other, 422, "IDEMPOTENCY_KEY_REUSED");
    assertProblem(conditional, 422, "IDEMPOTENCY_KEY_REUSED");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(node.eventsOf("idem-3")).hasSize(2);
  }

  @Test
  void aStakeholderReusingAnotherRespondentsKeyIsRefusedAndNotToldItsFeedbackWasRecorded() throws Exception {
    open("idem-4");
    assertThat(m1.post("/api/v1/decisions/idem-4/outcome", """
        {"outcome": "Cleaning moves to the evening.", "usesPower": false}""").statusCode()).isEqualTo(201);
    String feedback = """
        {"perspective": "CUSTOMER", "respondentId": "%s", "ratings": {"clarity": 5}}""";
    HttpResponse<String> r1 = node.stakeholder("r-1", "CUSTOMER").post("/api/v1/decisions/idem-4/feedback",
        feedback.formatted("r-1"), "Idempotency-Key", "f1");
    assertThat(r1.statusCode()).as(r1.body()).isEqualTo(201);

    HttpResponse<String> r2 = node.stakeholder("r-2", "CUSTOMER").post("/api/v1/decisions/idem-4/feedback",
        feedback.formatted("r-2"), "Idempotency-Key", "f1");

    assertProblem(r2, 409, "IDEMPOTENCY_KEY_IN_USE");
    assertThat(node.eventsOf("idem-4")).hasSize(3).extracting(e -> e.getActor().getId()).doesNotContain("r-2");
  }

  @Test
  void fiveHundredConcurrentRequestsOnOneKeyFromTwoCallersGetOneAnswerEachAndMakeOneEvent() throws Exception {
    open("idem-race");
    Http admin = node.admin();
    List<CompletableFuture<HttpResponse<String>>> m1Requests = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> adminRequests = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      m1Requests.add(m1.postAsync("/api/v1/decisions/idem-race/hearings", HEARING, "Idempotency-Key", "race"));
      adminRequests.add(admin.postAsync("/api/v1/decisions/idem-race/hearings", HEARING,
          "Idempotency-Key", "race"));
    }
    List<HttpResponse<String>> byM1 = m1Requests.stream().map(CompletableFuture::join).toList();
    List<HttpResponse<String>> byAdmin = adminRequests.stream().map(CompletableFuture::join).toList();

    List<DecisionEvent> hearings = node.eventsOf("idem-race").stream()
        .filter(e -> "race".equals(e.getSubmissionId())).toList();
    assertThat(hearings).as("exactly one event for the key").hasSize(1);
    boolean m1Won = "m-1".equals(hearings.get(0).getActor().getId());
    List<HttpResponse<String>> winner = m1Won ? byM1 : byAdmin;
    List<HttpResponse<String>> loser = m1Won ? byAdmin : byM1;
    assertThat(statuses(winner)).as("the key's caller: every request gets the first answer")
        .isEqualTo(Map.of(201, 250L));
    assertThat(winner.stream().map(HttpResponse::body).distinct()).hasSize(1);
    assertThat(statuses(loser)).as("the other caller: refused every time, never 503")
        .isEqualTo(Map.of(409, 250L));
    String eventId = hearings.get(0).getEventId();
    assertThat(loser).allSatisfy(response -> {
      assertThat(response.body()).contains("IDEMPOTENCY_KEY_IN_USE").doesNotContain(eventId);
    });
  }

  private void open(String decisionId) throws IOException, InterruptedException {
    HttpResponse<String> opened = m1.post("/api/v1/decisions", """
        {"decisionId": "%s", "title": "Evening cleaning", "unit": "north", "managerId": "m-1",
         "activityGroup": "INTERACTION"}""".formatted(decisionId));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
  }

  private static Map<Integer, Long> statuses(List<HttpResponse<String>> responses) {
    return responses.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
  }

  private void assertProblem(HttpResponse<String> response, int status, String rule) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(response.body()).get("rule").asText()).isEqualTo(rule);
  }
}
