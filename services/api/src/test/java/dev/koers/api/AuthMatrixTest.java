package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.api.auth.TokenSettings;
import dev.koers.api.auth.TokenVerifier;
import dev.koers.client.Submitter;
import dev.koers.wire.proof.Origin;
import dev.koers.schema.Accepted;
import dev.koers.schema.Perspective;
import dev.koers.schema.Rejected;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.KoersTopics;
import dev.koers.schema.Outcome;
import dev.koers.schema.Role;
import dev.koers.schema.Sha256;
import dev.koers.schema.Submission;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint (the stream and the weekly series included) × every kind of bad token → 401, every role that
 * may not call it → 403, every role that may → answered (200 or 201, never a 404 that would hide a missing
 * route). Stakeholders are bound to their respondent and perspective, and learn nothing of a decision they
 * may not read from a rejection. The ledger is replaced by a recorder here: this tests the HTTP edge, not Kafka.
 */
@Tag("attack")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthMatrixTest {

  private static final Instant NOW = Instant.now();
  private static final String STREAM = "/api/v1/stream";
  private static final String ISSUER = "https://idp.example";
  private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Submission> submitted = new CopyOnWriteArrayList<>();
  private RSAKey identityProvider;
  private ApiServer server;
  private ViewFeed feed;
  private String base;

  record Endpoint(String method, String path, String body, Set<Role> allowed) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Stream<Endpoint> endpoints() {
    Set<Role> managing = EnumSet.of(Role.MANAGER, Role.ADMIN);
    return Stream.of(
        new Endpoint("POST", "/api/v1/decisions",
            "{\"title\":\"t\",\"unit\":\"u\",\"managerId\":\"m-1\",\"activityGroup\":\"POWER\"}", managing),
        new Endpoint("POST", "/api/v1/decisions/d-1/hearings",
            "{\"perspective\":\"CUSTOMER\",\"depth\":\"DIALOGUE\"}", managing),
        new Endpoint("POST", "/api/v1/decisions/d-1/outcome", "{\"outcome\":\"yes\"}", managing),
        new Endpoint("POST", "/api/v1/decisions/d-1/communications",
            "{\"audience\":[\"CUSTOMER\"],\"channel\":\"email\"}", managing),
        new Endpoint("POST", "/api/v1/decisions/d-1/revisions", "{\"reason\":\"r\",\"outcome\":\"no\"}", managing),
        new Endpoint("POST", "/api/v1/decisions/d-1/withdrawal", "{\"reason\":\"r\"}", managing),
        new Endpoint("POST", "/api/v1/decisions/d-1/feedback",
            "{\"perspective\":\"CUSTOMER\",\"respondentId\":\"r-1\",\"ratings\":{\"clarity\":4}}",
            EnumSet.of(Role.STAKEHOLDER, Role.ADMIN)),
        new Endpoint("GET", "/api/v1/decisions/d-1", null,
            EnumSet.of(Role.MANAGER, Role.AUDITOR, Role.VIEWER, Role.ADMIN)),
        new Endpoint("GET", "/api/v1/decisions/d-1/events", null,
            EnumSet.of(Role.MANAGER, Role.AUDITOR, Role.VIEWER, Role.ADMIN)),
        new Endpoint("GET", "/api/v1/decisions?unit=u", null,
            EnumSet.of(Role.MANAGER, Role.AUDITOR, Role.VIEWER, Role.ADMIN)),
        new Endpoint("GET", "/api/v1/units/u/metrics?week=2026-W48", null,
            EnumSet.of(Role.MANAGER, Role.AUDITOR, Role.VIEWER, Role.ADMIN)),
        new Endpoint("GET", "/api/v1/units/u/metrics/weekly", null,
            EnumSet.of(Role.MANAGER, Role.AUDITOR, Role.VIEWER, Role.ADMIN)),
        new Endpoint("GET", "/api/v1/managers/m-1/metrics", null,
            EnumSet.of(Role.MANAGER, Role.AUDITOR, Role.VIEWER, Role.ADMIN)),
        new Endpoint("GET", "/api/v1/admin/quarantine", null, EnumSet.of(Role.ADMIN)),
        new Endpoint("GET", "/api/v1/managers/m-1/metrics/weekly", null,
            EnumSet.of(Role.MANAGER, Role.AUDITOR, Role.VIEWER, Role.ADMIN)),
        new Endpoint("GET", "/api/v1/decisions/d-1/events?asOf=" + NOW.plusSeconds(1), null,
            EnumSet.of(Role.MANAGER, Role.AUDITOR, Role.VIEWER, Role.ADMIN)),
        new Endpoint("GET", STREAM, null, EnumSet.of(Role.MANAGER, Role.AUDITOR, Role.VIEWER, Role.ADMIN)));
  }

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    identityProvider = new RSAKeyGenerator(2048).keyID("idp-1").generate();
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(identityProvider.toPublicJWK()).toString());
    Submitter recorder = new Submitter() {
      @Override
      public CompletableFuture<Outcome> submit(Submission s, Origin origin) {
        submitted.add(s);
        return CompletableFuture.completedFuture(new Outcome(s.getSubmissionId(), s.getDecisionId(), NOW,
            LedgerAnswers.of(s.getDecisionId())));
      }

      @Override
      public Duration outcomeTimeout() {
        return Duration.ofSeconds(1);
      }
    };
    // A feed that is never started: the stream opens and stays quiet, no broker needed.
    feed = new ViewFeed(KafkaConnection.plain("127.0.0.1:9"), new KoersTopics("auth-matrix.", 1),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    server = ApiServer.start(new ApiSettings("127.0.0.1", 0), new ApiBackends(
        new TokenVerifier(new TokenSettings(key, null, jwks, ISSUER, null, null)), recorder,
        OneDecisionViews.local(NOW), List::of,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), feed));
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  void stop() {
    server.close();
    feed.close();
  }

  static Stream<Arguments> badTokens() {
    return endpoints().flatMap(e -> Stream.of("missing", "malformed", "not-bearer", "expired", "alg-none",
        "wrong-key", "unknown-rsa-key", "no-role", "manager-without-id", "issued-in-the-future",
        "hs256-other-issuer", "hs256-no-issuer", "rsa-other-issuer", "rsa-no-issuer", "rsa-no-issued-at",
        "stakeholder-unbound", "stakeholder-without-perspective", "stakeholder-unknown-perspective")
        .map(kind -> Arguments.of(e, kind)));
  }

  @ParameterizedTest(name = "{0} with a {1} token is 401")
  @MethodSource("badTokens")
  void aMissingOrBadTokenIsUnauthorized(Endpoint endpoint, String kind) throws Exception {
    Answer response = call(endpoint, badToken(kind));
    assertThat(response.status()).as(response.body()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.wwwAuthenticate()).isPresent();
  }

  static Stream<Arguments> rolesPerEndpoint() {
    return endpoints().flatMap(e -> Stream.of(Role.values()).map(r -> Arguments.of(e, r)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("rolesPerEndpoint")
  void eachRoleIsLetThroughOrForbidden(Endpoint endpoint, Role role) throws Exception {
    Answer response = call(endpoint, validToken(role));
    if (endpoint.allowed().contains(role)) {
      // Through the door and answered: the views hold what every query asks for, so never a 404.
      assertThat(response.status()).as(response.body()).isEqualTo(endpoint.method().equals("POST") ? 201 : 200);
    } else {
      assertThat(response.status()).as(response.body()).isEqualTo(403);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.body()).contains(role.name());
    }
  }

  @Test
  void anIdentityProvidersRs256TokenFromTheJwksIsAccepted() throws Exception {
    Answer response = call(endpoints().toList().get(7), rsaToken(identityProvider, Role.VIEWER));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  @Test
  void aManagerActsAsTheManagerIdOfItsToken() throws Exception {
    submitted.clear();
    call(endpoints().toList().get(2), validToken(Role.MANAGER));
    assertThat(submitted).singleElement().satisfies(s -> {
      assertThat(s.getActor().getId()).isEqualTo("m-1");
      assertThat(s.getActor().getRole()).isEqualTo(Role.MANAGER);
    });
  }

  @Test
  void aBoundStakeholderCannotGiveAnotherRespondentsFeedbackButASurveyToolCan() throws Exception {
    Endpoint feedback = endpoints().toList().get(6);
    String boundToR2 = mint(Principal.stakeholder("r-2", Perspective.CUSTOMER));
    Answer refused = call(feedback, boundToR2);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body()).contains("r-2", "r-1");

    submitted.clear();
    String surveyTool = mint(new Principal("survey-tool", Role.STAKEHOLDER, null, null));
    assertThat(call(feedback, surveyTool).status()).isEqualTo(201);
    assertThat(submitted).singleElement().satisfies(s -> assertThat(s.getActor().getId()).isEqualTo("r-1"));
  }

  @Test
  void aBoundStakeholderCannotSpeakFromAnotherPerspective() throws Exception {
    submitted.clear();
    Answer refused = call(feedback("d-1", "EMPLOYEE", "{\"clarity\":4}"),
        mint(Principal.stakeholder("r-1", Perspective.CUSTOMER)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body()).contains("CUSTOMER", "EMPLOYEE");
    assertThat(submitted).isEmpty();
  }

  @Test
  void aRejectedFeedbackTellsAStakeholderNothingOfTheDecisionsStateOrSequence() throws Exception {
    String stakeholder = mint(Principal.stakeholder("r-1", Perspective.CUSTOMER));
    for (String decision : List.of(LedgerAnswers.NOT_DECIDED, LedgerAnswers.NOT_FOUND, LedgerAnswers.BEFORE_DECISION)) {
      Answer hidden = call(feedback(decision, "CUSTOMER", "{\"clarity\":4}"), stakeholder);
      assertThat(hidden.status()).as(hidden.body()).isEqualTo(409);
      assertThat(hidden.contentType()).startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(hidden.body());
      assertThat(problem.get("type").asText()).isEqualTo("urn:koers:problem:not-taken");
      assertThat(problem.has("sequence")).as(hidden.body()).isFalse();
      assertThat(problem.has("rule")).as(hidden.body()).isFalse();
      assertThat(hidden.body()).doesNotContain("OPEN\"", "is OPEN", "2026-", "sequence 4");
    }
    // A rule about the request itself is still named, without the decision's sequence.
    Answer own = call(feedback(LedgerAnswers.RATING, "CUSTOMER", "{\"clarity\":4}"), stakeholder);
    assertThat(own.status()).isEqualTo(422);
    assertThat(JSON.readTree(own.body()).get("rule").asText()).isEqualTo("RATING_OUT_OF_RANGE");
    assertThat(JSON.readTree(own.body()).has("sequence")).isFalse();
  }

  @Test
  void aCallerWhoMayReadTheDecisionStillLearnsItsStateAndSequence() throws Exception {
    Answer told = call(feedback(LedgerAnswers.NOT_DECIDED, "CUSTOMER", "{\"clarity\":4}"),
        mint(new Principal("admin", Role.ADMIN, null, null)));
    assertThat(told.status()).isEqualTo(409);
    JsonNode problem = JSON.readTree(told.body());
    assertThat(problem.get("rule").asText()).isEqualTo("DECISION_NOT_DECIDED");
    assertThat(problem.get("sequence").asLong()).isEqualTo(4);
  }

  @Test
  void theStreamIsRefusedWithAProblemBeforeItOpens() throws Exception {
    Answer refused = call(new Endpoint("GET", STREAM, null, Set.of()), validToken(Role.STAKEHOLDER));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
  }

  private static Endpoint feedback(String decision, String perspective, String ratings) {
    return new Endpoint("POST", "/api/v1/decisions/" + decision + "/feedback", "{\"perspective\":\""
        + perspective + "\",\"respondentId\":\"r-1\",\"ratings\":" + ratings + "}", Set.of(Role.STAKEHOLDER));
  }

  /** What the fake ledger answers, by decision id: rejections that carry the decision's state. */
  private static final class LedgerAnswers {
    static final String NOT_DECIDED = "d-open";
    static final String NOT_FOUND = "d-missing";
    static final String BEFORE_DECISION = "d-early";
    static final String RATING = "d-rating";

    static Object of(String decisionId) {
      return switch (decisionId) {
        case NOT_DECIDED -> new Rejected("DECISION_NOT_DECIDED",
            "decision d-open is OPEN; feedback can only be given once it is DECIDED", 4L);
        case NOT_FOUND -> new Rejected("DECISION_NOT_FOUND",
            "decision d-missing does not exist; it must be opened before you can give feedback on it", null);
        case BEFORE_DECISION -> new Rejected("OCCURS_BEFORE_DECISION",
            "occurredAt 2026-01-01T00:00:00Z is before decision d-early was decided (2026-02-01T00:00:00Z)", 4L);
        case RATING -> new Rejected("RATING_OUT_OF_RANGE", "clarity must be a whole number from 1 to 5; it is 7", 4L);
        default -> new Accepted(1L, "e-1", new Sha256(new byte[32]));
      };
    }
  }

  /** Status, body and the headers the tests look at; the stream's body is not read (it never ends). */
  private record Answer(int status, String body, String contentType, Optional<String> wwwAuthenticate) {}

  private Answer call(Endpoint endpoint, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + endpoint.path()));
    if (token != null) {
      request.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
    }
    if (endpoint.method().equals("POST")) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(endpoint.body()));
    }
    if (endpoint.path().startsWith(STREAM)) {
      request.header("Accept", "text/event-stream");
    }
    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      boolean endless = endpoint.path().startsWith(STREAM) && response.statusCode() == 200;
      return new Answer(response.statusCode(),
          endless ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("WWW-Authenticate"));
    }
  }

  private String mint(Principal principal) {
    return new TokenMinter(key).mint(principal, Duration.ofMinutes(5), NOW);
  }

  private String validToken(Role role) {
    Principal principal = switch (role) {
      case MANAGER -> new Principal("m-1", role, "m-1", null);
      case STAKEHOLDER -> Principal.stakeholder("r-1", Perspective.CUSTOMER);
      default -> new Principal("someone", role, null, null);
    };
    return mint(principal);
  }

  private String badToken(String kind) throws JOSEException {
    return switch (kind) {
      case "missing" -> null;
      case "malformed" -> "not.a.jwt";
      case "not-bearer" -> "Basic dXNlcjpwYXNz";
      case "expired" -> new TokenMinter(key).mint(new Principal("a", Role.ADMIN, null, null),
          Duration.ofMinutes(5), NOW.minus(Duration.ofHours(1)));
      case "alg-none" -> new PlainJWT(new JWTClaimsSet.Builder().subject("a").claim("role", "admin")
          .expirationTime(Date.from(NOW.plusSeconds(300))).build()).serialize();
      case "wrong-key" -> new TokenMinter(otherKey).mint(new Principal("a", Role.ADMIN, null, null),
          Duration.ofMinutes(5), NOW);
      case "unknown-rsa-key" -> rsaToken(new RSAKeyGenerator(2048).keyID("idp-1").generate(), Role.ADMIN);
      case "no-role" -> rolelessToken();
      case "manager-without-id" -> new TokenMinter(key).mint(new Principal("m", Role.MANAGER, null, null),
          Duration.ofMinutes(5), NOW);
      case "issued-in-the-future" -> new TokenMinter(key).mint(new Principal("a", Role.ADMIN, null, null),
          Duration.ofHours(2), NOW.plus(Duration.ofHours(1)));
      case "hs256-other-issuer" -> hs256(adminClaims().issuer("someone-else").build());
      case "hs256-no-issuer" -> hs256(adminClaims().build());
      case "rsa-other-issuer" -> rsa(identityProvider, adminClaims().issuer("https://evil.example").build());
      case "rsa-no-issuer" -> rsa(identityProvider, adminClaims().build());
      case "rsa-no-issued-at" -> rsa(identityProvider, new JWTClaimsSet.Builder().subject("a").issuer(ISSUER)
          .claim("role", "admin").expirationTime(Date.from(NOW.plusSeconds(300))).build());
      case "stakeholder-unbound" -> hs256(new JWTClaimsSet.Builder().subject("s").issuer("koers")
          .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(300))).claim("role", "stakeholder")
          .build());
      case "stakeholder-without-perspective" -> new TokenMinter(key).mint(
          new Principal("r-1", Role.STAKEHOLDER, null, "r-1"), Duration.ofMinutes(5), NOW);
      case "stakeholder-unknown-perspective" -> hs256(new JWTClaimsSet.Builder().subject("s").issuer("koers")
          .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(300))).claim("role", "stakeholder")
          .claim("respondentId", "r-1").claim("perspective", "SUPPLIER").build());
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** A valid admin's claims but for the issuer, which each case sets (or leaves out). */
  private static JWTClaimsSet.Builder adminClaims() {
    return new JWTClaimsSet.Builder().subject("a").claim("role", "admin").issueTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plusSeconds(300)));
  }

  private String hs256(JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new com.nimbusds.jose.crypto.MACSigner(key));
    return jwt.serialize();
  }

  private static String rsa(RSAKey signer, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
        claims);
    jwt.sign(new RSASSASigner(signer));
    return jwt.serialize();
  }

  private String rolelessToken() throws JOSEException {
    return hs256(new JWTClaimsSet.Builder().subject("a").issuer("koers").issueTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plusSeconds(300))).build());
  }

  private static String rsaToken(RSAKey signer, Role role) throws JOSEException {
    return rsa(signer, new JWTClaimsSet.Builder().subject("idp-user").issuer(ISSUER)
        .claim("role", role.name().toLowerCase()).issueTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plusSeconds(300))).build());
  }

}
