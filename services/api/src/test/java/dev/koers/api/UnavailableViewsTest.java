package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.api.auth.TokenSettings;
import dev.koers.api.auth.TokenVerifier;
import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.ScopeKind;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Role;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import dev.koers.views.QuarantineEntry;
import dev.koers.views.ViewUnavailable;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** While the views restore or rebalance, every query answers 503 with Retry-After at once, never a hang. */
class UnavailableViewsTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  /** Views that are rebalancing: every store access says so. */
  private static final class Rebalancing implements ViewAccess {
    private static ViewUnavailable busy() {
      return new ViewUnavailable("the view is not queryable right now (REBALANCING)", null);
    }

    @Override
    public Optional<String> remoteOwner(String decisionId) {
      throw busy();
    }

    @Override
    public Optional<String> remoteOwnerOfScope(AggregateKey key) {
      throw busy();
    }

    @Override
    public List<String> otherInstances() {
      throw busy();
    }

    @Override
    public Optional<DecisionSummary> decision(String decisionId) {
      throw busy();
    }

    @Override
    public Optional<List<DecisionEvent>> history(String decisionId) {
      throw busy();
    }

    @Override
    public List<DecisionSummary> page(Predicate<DecisionView> filter, String afterId, int limit) {
      throw busy();
    }

    @Override
    public Optional<MetricsView> metrics(AggregateKey key) {
      throw busy();
    }

    @Override
    public List<MetricsView> weekly(ScopeKind scope, String id) {
      throw busy();
    }

    @Override
    public Anonymity anonymity() {
      return Anonymity.DEFAULT;
    }

    @Override
    public List<QuarantineEntry> quarantined() {
      throw busy();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/decisions/d-1", "/api/v1/decisions/d-1/events", "/api/v1/decisions",
      "/api/v1/units/north/metrics", "/api/v1/units/north/metrics/weekly", "/api/v1/managers/m-1/metrics"})
  void aQueryWhileTheViewsRebalanceIsA503WithRetryAfter(String path) throws Exception {
    try (ApiServer server = ApiServer.start(new ApiSettings("127.0.0.1", 0), new ApiBackends(
        new TokenVerifier(TokenSettings.local(KEY)), null, new Rebalancing(), List::of,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null))) {
      String token = new TokenMinter(KEY).mint(new Principal("v", Role.VIEWER, null, null), Duration.ofMinutes(5),
          Instant.now());
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.port() + path)).header("Authorization", "Bearer " + token)
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(response.body()).contains("REBALANCING");
    }
  }
}
