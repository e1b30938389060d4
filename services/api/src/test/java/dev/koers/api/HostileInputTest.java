package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.api.auth.TokenSettings;
import dev.koers.api.auth.TokenVerifier;
import dev.koers.schema.Role;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken command bodies over HTTP (issue 10.1 and 11.6): each is refused with problem+json that
 * names the field, and nothing of it reaches the ledger. Behind the edge runs the ledger's real pure core.
 */
@Tag("attack")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  private static final String JSON = "application/json";
  private static final String ESC = "\\u001b";

  private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();
  private final InMemoryLedger ledger = new InMemoryLedger();
  private ApiServer server;
  private String base;
  private String manager;
  private String admin;

  @BeforeAll
  void start() {
    server = ApiServer.start(new ApiSettings("127.0.0.1", 0), new ApiBackends(
        new TokenVerifier(new TokenSettings(key, null, null, null, null)), ledger, null, List::of,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null));
    base = "http://127.0.0.1:" + server.port();
    manager = new TokenMinter(key).mint(new Principal("m-1", Role.MANAGER, "m-1", null), Duration.ofMinutes(5),
        Instant.now());
    admin = new TokenMinter(key).mint(new Principal("admin-1", Role.ADMIN, null, null), Duration.ofMinutes(5),
        Instant.now());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void theDotSegmentsAreNoDecisionIds(String id) throws Exception {
    assertRefused(post("/api/v1/decisions", manager, JSON, opening("\"decisionId\":\"" + id + "\"")), 400,
        "decisionId");
  }

  @Test
  void aPathIdWithAControlCharacterIsRefused() throws Exception {
    assertRefused(post("/api/v1/decisions/d%1B1/outcome", manager, JSON, "{\"outcome\":\"yes\"}"), 400, "id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"title", "unit", "activity"})
  void controlCharactersInASingleLineFieldAreRefused(String field) throws Exception {
    for (String bad : List.of("\\u0000", ESC, "\\r\\n", "\\u0085", "\\u202e", "\\u2066")) {
      String body = opening("\"" + field + "\":\"x" + bad + "y\"");
      assertRule(post("/api/v1/decisions", manager, JSON, body), 422, "CHARACTER_NOT_ALLOWED", field);
    }
  }

  @Test
  void anAdministratorCannotOpenForAManagerIdWithABidiOverride() throws Exception {
    String body = "{\"title\":\"t\",\"unit\":\"u\",\"managerId\":\"m-\\u202e1\",\"activityGroup\":\"POWER\"}";
    assertRule(post("/api/v1/decisions", admin, JSON, body), 422, "CHARACTER_NOT_ALLOWED", "managerId");
  }

  @Test
  void labelsChannelsAndRespondentIdsAreSingleLineToo() throws Exception {
    String id = openDecision();
    assertRule(post("/api/v1/decisions/" + id + "/hearings", manager, JSON,
        "{\"perspective\":\"OTHER\",\"depth\":\"CONSULTED\",\"label\":\"end" + ESC + "[2Jusers\"}"),
        422, "CHARACTER_NOT_ALLOWED", "label");
    assertThat(post("/api/v1/decisions/" + id + "/outcome", manager, JSON, "{\"outcome\":\"yes\"}").statusCode())
        .isEqualTo(201);
    assertRule(post("/api/v1/decisions/" + id + "/communications", manager, JSON,
        "{\"audience\":[\"CUSTOMER\"],\"channel\":\"mail\\nBcc: all\"}"), 422, "CHARACTER_NOT_ALLOWED", "channel");
    assertRule(post("/api/v1/decisions/" + id + "/feedback", admin, JSON,
        "{\"perspective\":\"CUSTOMER\",\"respondentId\":\"r-\\u20667\",\"ratings\":{\"clarity\":4}}"),
        422, "CHARACTER_NOT_ALLOWED", "respondentId");
  }

  @Test
  void aRatingOffTheScaleNamesItsField() throws Exception {
    String id = openDecision();
    post("/api/v1/decisions/" + id + "/outcome", manager, JSON, "{\"outcome\":\"yes\"}");
    assertRule(post("/api/v1/decisions/" + id + "/feedback", admin, JSON,
        "{\"perspective\":\"CUSTOMER\",\"respondentId\":\"r-1\",\"ratings\":{\"clarity\":4,\"heard\":6}}"),
        422, "RATING_OUT_OF_RANGE", "ratings.heard");
  }

  @Test
  void freeTextKeepsLineBreaksAndTabsButNoOtherControlCharacters() throws Exception {
    assertThat(post("/api/v1/decisions", manager, JSON, opening("\"context\":\"one\\ntwo\\r\\n\\tthree\""))
        .statusCode()).isEqualTo(201);
    assertRule(post("/api/v1/decisions", manager, JSON, opening("\"context\":\"one" + ESC + "two\"")), 422,
        "CHARACTER_NOT_ALLOWED", "context");
  }

  @Test
  void everyLengthLimitNamesItsField() throws Exception {
    assertRule(post("/api/v1/decisions", manager, JSON, opening("\"title\":\"" + "t".repeat(201) + "\"")), 422,
        "TITLE_LENGTH", "title");
    assertRule(post("/api/v1/decisions", manager, JSON, opening("\"unit\":\"" + "u".repeat(201) + "\"")), 422,
        "TEXT_TOO_LONG", "unit");
    assertRule(post("/api/v1/decisions", manager, JSON, opening("\"context\":\"" + "c".repeat(10_001) + "\"")),
        422, "TEXT_TOO_LONG", "context");
  }

  @Test
  void anInstantBeforeTheEpochIsANamedRejectionNotABrokenView() throws Exception {
    assertRule(post("/api/v1/decisions", manager, JSON, opening("\"occurredAt\":\"0001-01-01T00:00:00+01:00\"")),
        422, "INSTANT_OUT_OF_RANGE", "occurredAt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+999999999-12-31T00:00:00Z", "+10000-01-01T00:00:00Z", "9999-12-31T00:00:00Z"})
  void aDueDateBeyondTheRangeIsANamedRejection(String dueBy) throws Exception {
    assertRule(post("/api/v1/decisions", manager, JSON, opening("\"dueBy\":\"" + dueBy + "\"")), 422,
        "INSTANT_OUT_OF_RANGE", "dueBy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "10000-01-01T00:00:00Z",
      "2026-02-30T00:00:00Z"})
  void anInstantNoParserCanHoldIsABadRequestNamingTheField(String dueBy) throws Exception {
    assertRefused(post("/api/v1/decisions", manager, JSON, opening("\"dueBy\":\"" + dueBy + "\"")), 400, "dueBy");
  }

  @Test
  void theLastDueDateOfTheRangeIsAccepted() throws Exception {
    assertThat(post("/api/v1/decisions", manager, JSON, opening("\"dueBy\":\"9999-12-30T23:59:59.999Z\""))
        .statusCode()).isEqualTo(201);
  }

  @Test
  void aDuplicatedKeyIsABadRequestNamingIt() throws Exception {
    assertRefused(post("/api/v1/decisions", manager, JSON,
        "{\"title\":\"t\",\"unit\":\"u\",\"managerId\":\"m-1\",\"activityGroup\":\"POWER\",\"title\":\"other\"}"),
        400, "title");
    String id = openDecision();
    post("/api/v1/decisions/" + id + "/outcome", manager, JSON, "{\"outcome\":\"yes\"}");
    assertRefused(post("/api/v1/decisions/" + id + "/feedback", admin, JSON,
        "{\"perspective\":\"CUSTOMER\",\"respondentId\":\"r-1\",\"ratings\":{\"clarity\":1,\"clarity\":5}}"),
        400, "ratings.clarity");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json-patch+json",
      "application/json; charset=iso-8859-1", "application/json; boundary=x", "application/jsonx"})
  void aBodyOfAnotherContentTypeIsUnsupported(String contentType) throws Exception {
    assertRefused(post("/api/v1/decisions", manager, contentType, opening("")), 415, "Content-Type");
  }

  @Test
  void aBodyWithoutContentTypeIsUnsupported() throws Exception {
    assertRefused(post("/api/v1/decisions", manager, null, opening("")), 415, "Content-Type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=\"UTF-8\""})
  void jsonWithOrWithoutTheUtf8CharsetIsAccepted(String contentType) throws Exception {
    assertThat(post("/api/v1/decisions", manager, contentType, opening("")).statusCode()).isEqualTo(201);
  }

  private String openDecision() throws Exception {
    String id = "d-" + UUID.randomUUID();
    HttpResponse<String> opened = post("/api/v1/decisions", manager, JSON, opening("\"decisionId\":\"" + id + "\""));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    return id;
  }

  /** A valid opening body, with {@code fields} replacing or adding some. */
  private static String opening(String fields) {
    StringBuilder body = new StringBuilder("{");
    for (String[] pair : List.of(new String[] {"title", "\"t\""}, new String[] {"unit", "\"u\""},
        new String[] {"managerId", "\"m-1\""}, new String[] {"activityGroup", "\"POWER\""})) {
      if (!fields.contains("\"" + pair[0] + "\":")) {
        body.append('"').append(pair[0]).append("\":").append(pair[1]).append(',');
      }
    }
    return body.append(fields.isEmpty() ? "" : fields + ",").deleteCharAt(body.length() - 1).append('}').toString();
  }

  private void assertRule(HttpResponse<String> response, int status, String rule, String field) throws IOException {
    JsonNode problem = assertRefused(response, status, field);
    assertThat(problem.path("rule").asText()).as(response.body()).isEqualTo(rule);
  }

  private JsonNode assertRefused(HttpResponse<String> response, int status, String field) throws IOException {
    int before = ledger.events().size();
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = mapper.readTree(response.body());
    assertThat(problem.path("field").asText()).as(response.body()).isEqualTo(field);
    assertThat(response.body()).doesNotContain("\u001b", "\u202e");
    assertThat(ledger.events()).hasSize(before);
    return problem;
  }

  private HttpResponse<String> post(String path, String token, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
