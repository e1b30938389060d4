package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.api.auth.TokenSettings;
import dev.koers.api.auth.TokenVerifier;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Connections beyond the limit wait to be accepted instead of costing the instance's heap. */
class ConnectionLimitTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void aConnectionBeyondTheLimitIsServedOnlyOnceAnotherCloses() throws Exception {
    try (ApiServer server = ApiServer.start(new ApiSettings("127.0.0.1", 0, StreamLimits.DEFAULT,
        SequenceWait.DEFAULT_BOUND, null, PendingCommands.DEFAULT_MAX, 2), new ApiBackends(
        new TokenVerifier(TokenSettings.local(KEY)), new HeldLedger(), OneDecisionViews.local(Instant.now()),
        List::of, meters, null))) {
      int port = server.port();
      Socket first = new Socket("127.0.0.1", port);
      Socket second = new Socket("127.0.0.1", port);
      await().atMost(Duration.ofSeconds(20)).until(() -> connections() == 2);

      CompletableFuture<HttpResponse<String>> third = HttpClient.newHttpClient().sendAsync(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
          .until(() -> !third.isDone() && connections() == 2);

      first.close();
      assertThat(third.get().statusCode()).isEqualTo(200);
      second.close();
    }
  }

  private double connections() {
    return meters.get("koers.api.connections").gauge().value();
  }
}
