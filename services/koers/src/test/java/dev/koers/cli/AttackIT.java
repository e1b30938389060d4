package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust boundary of the HTTP edge, attacked over HTTP against a real node on a real broker: forged and
 * stretched tokens, stakeholders speaking for others, a stakeholder probing a decision it may not read,
 * viewers and managers reading one respondent's feedback, and clients passing for an instance. docs/security.md
 * lists every case and its expected answer.
 */
@Tag("attack")
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackIT {

  private final ObjectMapper json = new ObjectMapper();
  private TestNode node;
  private Http manager;

  @BeforeAll
  void start(KafkaTestEnv kafka, @TempDir Path stateDir) throws Exception {
    node = TestNode.start(kafka, stateDir, Duration.ofSeconds(20));
    manager = node.manager("m-atk");
    open("atk-decided");
    created(manager.post("/api/v1/decisions/atk-decided/outcome", "{\"outcome\":\"yes\"}"));
    open("atk-open");
    open("atk-withdrawn");
    created(manager.post("/api/v1/decisions/atk-withdrawn/withdrawal", "{\"reason\":\"no longer needed\"}"));
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void aStakeholderGivesFeedbackOnlyAsItsOwnRespondentFromItsOwnPerspective() throws Exception {
    Http r7 = node.stakeholder("r-7", "CUSTOMER");
    int before = node.eventsOf("atk-decided").size();
    assertProblem(r7.post("/api/v1/decisions/atk-decided/feedback", feedback("r-8", "CUSTOMER")), 403);
    assertProblem(r7.post("/api/v1/decisions/atk-decided/feedback", feedback("r-7", "ORGANIZATION")), 403);
    created(r7.post("/api/v1/decisions/atk-decided/feedback", feedback("r-7", "CUSTOMER")));
    assertThat(node.eventsOf("atk-decided")).as("only the honest feedback is in the log").hasSize(before + 1);
  }

  @Test
  void aStakeholderLearnsNothingOfADecisionItMayNotReadFromARejection() throws Exception {
    Http r7 = node.stakeholder("r-7", "CUSTOMER");
    List<JsonNode> answers = new ArrayList<>();
    for (String decision : List.of("atk-open", "atk-withdrawn", "atk-never-opened")) {
      HttpResponse<String> answer = r7.post("/api/v1/decisions/" + decision + "/feedback",
          feedback("r-7", "CUSTOMER"));
      assertProblem(answer, 409);
      ObjectNode problem = (ObjectNode) json.readTree(answer.body());
      assertThat(problem.has("sequence")).as(answer.body()).isFalse();
      problem.remove("instance");
      answers.add(problem);
    }
    assertThat(answers).as("one answer, whatever the decision's state").allMatch(answers.get(0)::equals);
    // Dated before the decision was made: the same answer, so its date cannot be found by trying.
    HttpResponse<String> early = r7.post("/api/v1/decisions/atk-decided/feedback", "{\"perspective\":"
        + "\"CUSTOMER\",\"respondentId\":\"r-7\",\"ratings\":{\"clarity\":3},\"occurredAt\":\"2001-01-01T00:00:00Z\"}");
    ObjectNode problem = (ObjectNode) json.readTree(early.body());
    problem.remove("instance");
    assertThat(problem).isEqualTo(answers.get(0));
  }

  @Test
  void viewersAndManagersSeeThatFeedbackWasGivenButNotWhatItSaid() throws Exception {
    created(node.stakeholder("r-9", "EMPLOYEE").post("/api/v1/decisions/atk-decided/feedback",
        "{\"perspective\":\"EMPLOYEE\",\"respondentId\":\"r-9\",\"ratings\":{\"clarity\":1,\"speed\":5,"
            + "\"heard\":2,\"addedValue\":4},\"comment\":\"only for the auditor\"}"));
    String path = "/api/v1/decisions/atk-decided/events";
    await().atMost(Duration.ofSeconds(30)).until(() -> feedbackEntries(node.auditor().get(path)).stream()
        .anyMatch(e -> e.get("data").path("respondentId").asText().equals("r-9")));
    String asOf = "?asOf=" + Instant.now();
    for (Http reader : List.of(node.viewer(), manager, node.manager("m-other"))) {
      for (String query : List.of(path, path + asOf)) {
        HttpResponse<String> answer = reader.get(query);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("r-9", "only for the auditor");
        assertThat(feedbackEntries(answer)).isNotEmpty().allSatisfy(entry -> {
          assertThat(entry.get("data")).isEmpty();
          assertThat(entry.get("hash").asText()).hasSize(64);
        });
      }
    }
    assertThat(node.auditor().get(path).body()).contains("r-9", "only for the auditor");
  }

  @Test
  void forgedAndStretchedTokensAreRefused() throws Exception {
    Instant now = Instant.now();
    List<String> forged = List.of(
        node.signed(claims(now).issueTime(Date.from(now.plus(Duration.ofHours(1)))).build()),
        node.signed(claims(now).issuer("not-koers").build()),
        node.signed(claims(now).issuer(null).build()),
        node.signed(claims(now).claim("role", "stakeholder").claim("respondentId", "r-7").build()),
        node.signed(claims(now).claim("role", "stakeholder").build()));
    for (String token : forged) {
      HttpResponse<String> answer = node.viewer().as(token).get("/api/v1/decisions/atk-decided");
      assertProblem(answer, 401);
      assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
    }
  }

  @Test
  void aClientCannotPassForAnInstance() throws Exception {
    for (String path : List.of("/api/v1/decisions/atk-decided", "/api/v1/decisions?unit=atk",
        "/api/v1/units/atk/metrics", "/api/v1/decisions/atk-decided/events")) {
      HttpResponse<String> answer = node.viewer().get(path, "X-Koers-Forwarded", "1");
      assertProblem(answer, 400);
      assertThat(json.readTree(answer.body()).get("field").asText()).isEqualTo("X-Koers-Forwarded");
    }
  }

  // --- helpers

  private static JWTClaimsSet.Builder claims(Instant now) {
    return new JWTClaimsSet.Builder().subject("forger").issuer("koers").claim("role", "viewer")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
  }

  private List<JsonNode> feedbackEntries(HttpResponse<String> timeline) throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    json.readTree(timeline.body()).get("events").forEach(e -> {
      if (e.get("kind").asText().equals("FeedbackGiven")) {
        entries.add(e);
      }
    });
    return entries;
  }

  private void open(String id) throws Exception {
    created(manager.post("/api/v1/decisions", "{\"decisionId\":\"" + id + "\",\"title\":\"Attack surface\","
        + "\"unit\":\"atk\",\"managerId\":\"m-atk\",\"activityGroup\":\"CONTENT\"}"));
  }

  private static String feedback(String respondent, String perspective) {
    return "{\"perspective\":\"" + perspective + "\",\"respondentId\":\"" + respondent
        + "\",\"ratings\":{\"clarity\":4},\"comment\":\"private\"}";
  }

  private static void created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }
}
