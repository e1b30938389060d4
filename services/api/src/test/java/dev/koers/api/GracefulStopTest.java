package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.api.auth.TokenSettings;
import dev.koers.api.auth.TokenVerifier;
import dev.koers.schema.Role;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A stopping API (SIGTERM in 'koers api') first drains (not ready, every answer closes its connection), then
 * refuses new connections while a command in flight still gets its outcome: never a reset for a request it took.
 */
class GracefulStopTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @Test
  void aStopFinishesTheCommandInFlightAndRefusesTheRestRetryably() throws Exception {
    HeldLedger ledger = new HeldLedger();
    ApiServer server = ApiServer.start(new ApiSettings("127.0.0.1", 0), new ApiBackends(
        new TokenVerifier(TokenSettings.local(KEY)), ledger, OneDecisionViews.local(Instant.now()), List::of,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null));
    int port = server.port();
    String token = new TokenMinter(KEY).mint(new Principal("m-1", Role.MANAGER, "m-1", null), Duration.ofMinutes(5),
        Instant.now());
    try (Socket keptAlive = new Socket("127.0.0.1", port)) {
      assertThat(exchange(keptAlive, "/health").status()).isEqualTo(200);
      assertThat(exchange(keptAlive, "/health").headers()).doesNotContainKey("connection");

      CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/v1/decisions"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .header("Idempotency-Key", "graceful-1").timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofString("{\"decisionId\":\"d-1\",\"title\":\"t\",\"unit\":\"u\","
              + "\"managerId\":\"m-1\",\"activityGroup\":\"POWER\"}")).build(), HttpResponse.BodyHandlers.ofString());
      await().atMost(Duration.ofSeconds(20)).until(() -> ledger.held.size() == 1);

      server.drain();
      Answer notReady = exchange(keptAlive, "/ready");
      assertThat(notReady.status()).isEqualTo(503);
      assertThat(notReady.headers()).containsEntry("retry-after", "1").containsEntry("connection", "close");
      assertThat(notReady.body()).contains("shutting down");
      assertThat(keptAlive.getInputStream().read()).as("the server closed the connection after its answer")
          .isEqualTo(-1);

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
      await().atMost(Duration.ofSeconds(20)).until(() -> refused(port));
      assertThat(stopping).as("the stop waits for the command in flight").isNotDone();

      ledger.release();
      HttpResponse<String> answered = inFlight.get();
      assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
      assertThat(answered.body()).contains("\"decisionId\":\"d-1\"");
      stopping.get();
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
  }

  private static boolean refused(int port) {
    try (Socket probe = new Socket("127.0.0.1", port)) {
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private record Answer(int status, Map<String, String> headers, String body) {}

  /** One HTTP/1.1 GET on an open connection, read to its Content-Length. */
  private static Answer exchange(Socket socket, String path) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    int status = Integer.parseInt(in.readLine().split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    char[] body = new char[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
    int read = 0;
    while (read < body.length) {
      int n = in.read(body, read, body.length - read);
      if (n < 0) {
        break;
      }
      read += n;
    }
    return new Answer(status, headers, new String(body, 0, read));
  }
}
