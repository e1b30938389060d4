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
import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.api.auth.TokenSettings;
import dev.koers.api.auth.TokenVerifier;
import dev.koers.client.Submitter;
import dev.koers.wire.proof.Origin;
import dev.koers.domain.DecisionStatus;
import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.metrics.ScopeKind;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import dev.koers.documents.ViewRecords;
import dev.koers.domain.view.Course;
import dev.koers.domain.view.DecisionView;
import dev.koers.domain.view.Head;
import dev.koers.domain.view.Opening;
import dev.koers.schema.Accepted;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Outcome;
import dev.koers.schema.Role;
import dev.koers.schema.Sha256;
import dev.koers.schema.Submission;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × every kind of bad token → 401, every role that may not call it → 403, every role that may
 * → through. The ledger is replaced by a recorder here: this tests the HTTP edge, not Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthMatrixTest {

  private static final Instant NOW = Instant.now();
  private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Submission> submitted = new CopyOnWriteArrayList<>();
  private RSAKey identityProvider;
  private ApiServer server;
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
        new Endpoint("GET", "/api/v1/admin/quarantine", null, EnumSet.of(Role.ADMIN)));
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
            new Accepted(1L, "e-1", new Sha256(new byte[32]))));
      }

      @Override
      public Duration outcomeTimeout() {
        return Duration.ofSeconds(1);
      }
    };
    DecisionView d1 = new DecisionView("d-1", new Opening("t", null, "u", "m-1", ActivityGroup.POWER, null, null,
        NOW), new Head(DecisionStatus.OPEN, 1, "00", NOW), Course.NONE, List.of());
    server = ApiServer.start(new ApiSettings("127.0.0.1", 0), new ApiBackends(
        new TokenVerifier(new TokenSettings(key, null, jwks, null, null)), recorder,
        new OneDecision(d1), List::of,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null));
    base = "http://127.0.0.1:" + server.port();
  }

  /** Views holding one decision, all of it local. */
  private record OneDecision(DecisionView d1) implements ViewAccess {
    @Override
    public Optional<String> remoteOwner(String key) {
      return Optional.empty();
    }

    @Override
    public Optional<String> remoteOwnerOfScope(AggregateKey key) {
      return Optional.empty();
    }

    @Override
    public List<String> otherInstances() {
      return List.of();
    }

    @Override
    public Optional<DecisionSummary> decision(String id) {
      return id.equals(d1.decisionId()) ? Optional.of(summary()) : Optional.empty();
    }

    @Override
    public Optional<List<dev.koers.schema.DecisionEvent>> history(String id) {
      return Optional.empty();
    }

    @Override
    public List<DecisionSummary> page(java.util.function.Predicate<DecisionView> filter, String after, int limit) {
      return List.of(summary());
    }

    @Override
    public Optional<MetricsView> metrics(AggregateKey key) {
      return Optional.empty();
    }

    @Override
    public List<MetricsView> weekly(ScopeKind scope, String id) {
      return List.of();
    }

    @Override
    public Anonymity anonymity() {
      return Anonymity.DEFAULT;
    }

    @Override
    public List<dev.koers.views.QuarantineEntry> quarantined() {
      return List.of();
    }

    private DecisionSummary summary() {
      return ViewRecords.decision(d1, DecisionMetrics.of(dev.koers.domain.metrics.DecisionFacts.opened("d-1", 1, "u",
          "m-1", ActivityGroup.POWER, NOW, null), Anonymity.DEFAULT));
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static Stream<Arguments> badTokens() {
    return endpoints().flatMap(e -> Stream.of("missing", "malformed", "not-bearer", "expired", "alg-none",
        "wrong-key", "unknown-rsa-key", "no-role", "manager-without-id").map(kind -> Arguments.of(e, kind)));
  }

  @ParameterizedTest(name = "{0} with a {1} token is 401")
  @MethodSource("badTokens")
  void aMissingOrBadTokenIsUnauthorized(Endpoint endpoint, String kind) throws Exception {
    HttpResponse<String> response = call(endpoint, badToken(kind));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  static Stream<Arguments> rolesPerEndpoint() {
    return endpoints().flatMap(e -> Stream.of(Role.values()).map(r -> Arguments.of(e, r)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("rolesPerEndpoint")
  void eachRoleIsLetThroughOrForbidden(Endpoint endpoint, Role role) throws Exception {
    HttpResponse<String> response = call(endpoint, validToken(role));
    if (endpoint.allowed().contains(role)) {
      // Through the door; the fake views know no history, so the timeline answers 404.
      assertThat(response.statusCode()).as(response.body()).isIn(200, 201, 404);
    } else {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
      assertThat(response.body()).contains(role.name());
    }
  }

  @Test
  void anIdentityProvidersRs256TokenFromTheJwksIsAccepted() throws Exception {
    HttpResponse<String> response = call(endpoints().toList().get(7), rsaToken(identityProvider, Role.VIEWER));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
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
    String boundToR2 = new TokenMinter(key).mint(new Principal("r-2", Role.STAKEHOLDER, null, "r-2"),
        Duration.ofMinutes(5), NOW);
    HttpResponse<String> refused = call(feedback, boundToR2);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("r-2", "r-1");

    submitted.clear();
    String surveyTool = new TokenMinter(key).mint(new Principal("survey-tool", Role.STAKEHOLDER, null, null),
        Duration.ofMinutes(5), NOW);
    assertThat(call(feedback, surveyTool).statusCode()).isEqualTo(201);
    assertThat(submitted).singleElement().satisfies(s -> assertThat(s.getActor().getId()).isEqualTo("r-1"));
  }

  private HttpResponse<String> call(Endpoint endpoint, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + endpoint.path()));
    if (token != null) {
      request.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
    }
    if (endpoint.method().equals("POST")) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(endpoint.body()));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String validToken(Role role) {
    Principal principal = switch (role) {
      case MANAGER -> new Principal("m-1", role, "m-1", null);
      case STAKEHOLDER -> new Principal("r-1", role, null, "r-1");
      default -> new Principal("someone", role, null, null);
    };
    return new TokenMinter(key).mint(principal, Duration.ofMinutes(5), NOW);
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
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private String rolelessToken() throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("a")
        .expirationTime(Date.from(NOW.plusSeconds(300))).build());
    jwt.sign(new com.nimbusds.jose.crypto.MACSigner(key));
    return jwt.serialize();
  }

  private static String rsaToken(RSAKey signer, Role role) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
        new JWTClaimsSet.Builder().subject("idp-user").claim("role", role.name().toLowerCase())
            .expirationTime(Date.from(NOW.plusSeconds(300))).build());
    jwt.sign(new RSASSASigner(signer));
    return jwt.serialize();
  }

}
