package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.api.auth.TokenSettings;
import dev.koers.api.auth.TokenVerifier;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.schema.Role;
import dev.koers.views.Views;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real views that are not running (not started yet, or stopped after a failure): Kafka Streams then throws
 * InvalidStateStoreException or a plain IllegalStateException, and every query route must still answer 503
 * with Retry-After, never 500.
 */
class StoppedViewsTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path stateDir;
  private StreamsService views;
  private ApiServer server;

  static Stream<String> routes() {
    return Stream.of("/api/v1/decisions/d-1", "/api/v1/decisions/d-1/events?asOf=2026-11-23T09:00:00Z",
        "/api/v1/decisions", "/api/v1/units/north/metrics", "/api/v1/units/north/metrics?week=2026-W48",
        "/api/v1/units/north/metrics/weekly", "/api/v1/managers/m-1/metrics",
        "/api/v1/managers/m-1/metrics/weekly", "/api/v1/admin/quarantine");
  }

  @BeforeEach
  void start() {
    views = Views.create(new KoersTopics("stopped-", 1), new StreamsSettings("127.0.0.1:9", "stopped-views",
        stateDir, (short) 1, 100, "127.0.0.1:9"), Anonymity.DEFAULT);
    server = ApiServer.start(new ApiSettings("127.0.0.1", 0), new ApiBackends(
        new TokenVerifier(TokenSettings.local(KEY)), null,
        new LocalViews(views.streams(), new HostInfo("127.0.0.1", 9), Anonymity.DEFAULT), List::of,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null));
  }

  @AfterEach
  void stop() {
    server.close();
    views.close();
  }

  @ParameterizedTest
  @MethodSource("routes")
  void beforeTheViewsStartEveryQueryIsA503WithRetryAfter(String route) throws Exception {
    assertThat(views.streams().state()).isEqualTo(KafkaStreams.State.CREATED);
    assertUnavailable(route);
  }

  @ParameterizedTest
  @MethodSource("routes")
  void afterTheViewsStoppedEveryQueryIsA503WithRetryAfter(String route) throws Exception {
    views.close();
    assertThat(views.streams().state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
    assertUnavailable(route);
  }

  private void assertUnavailable(String route) throws Exception {
    String token = new TokenMinter(KEY).mint(new Principal("a", Role.ADMIN, null, null), Duration.ofMinutes(5),
        Instant.now());
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + route)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(response.body()).contains("urn:koers:problem:unavailable");
  }
}
