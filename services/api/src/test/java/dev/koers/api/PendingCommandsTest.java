package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.api.auth.TokenSettings;
import dev.koers.api.auth.TokenVerifier;
import dev.koers.schema.Role;
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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A flood of commands beyond what the ledger answers is refused retryably, before it costs the instance. */
class PendingCommandsTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private final HttpClient http = HttpClient.newHttpClient();
  private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private CompletableFuture<HttpResponse<String>> open(int port, String token, String decisionId) {
    return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/decisions"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Idempotency-Key", "key-" + decisionId).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString("{\"decisionId\":\"" + decisionId + "\",\"title\":\"t\","
            + "\"unit\":\"u\",\"managerId\":\"m-1\",\"activityGroup\":\"POWER\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void oneCommandMoreThanMayWaitIsToldAtOnceToSendItAgainAndFreedSlotsAreUsedAgain() throws Exception {
    HeldLedger ledger = new HeldLedger();
    try (ApiServer server = ApiServer.start(new ApiSettings("127.0.0.1", 0, StreamLimits.DEFAULT,
        SequenceWait.DEFAULT_BOUND, null, 2, ApiSettings.DEFAULT_MAX_CONNECTIONS), new ApiBackends(new TokenVerifier(TokenSettings.local(KEY)), ledger,
        OneDecisionViews.local(Instant.now()), List::of, meters, null))) {
      int port = server.port();
      String token = new TokenMinter(KEY).mint(new Principal("m-1", Role.MANAGER, "m-1", null),
          Duration.ofMinutes(5), Instant.now());

      CompletableFuture<HttpResponse<String>> first = open(port, token, "d-1");
      CompletableFuture<HttpResponse<String>> second = open(port, token, "d-2");
      await().atMost(Duration.ofSeconds(20)).until(() -> ledger.held.size() == 2);
      assertThat(meters.scrape()).contains("koers_api_commands_pending 2.0");

      HttpResponse<String> third = open(port, token, "d-3").get();
      assertThat(third.statusCode()).isEqualTo(503);
      assertThat(third.headers().firstValue("Retry-After")).contains("1");
      assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(third.body()).contains("too many commands are waiting");

      ledger.release();
      assertThat(first.get().statusCode()).isEqualTo(201);
      assertThat(second.get().statusCode()).isEqualTo(201);
      CompletableFuture<HttpResponse<String>> again = open(port, token, "d-3");
      await().atMost(Duration.ofSeconds(20)).until(() -> ledger.held.size() == 1);
      ledger.release();
      assertThat(again.get().statusCode()).as("a freed slot takes the next command").isEqualTo(201);
    }
  }
}
