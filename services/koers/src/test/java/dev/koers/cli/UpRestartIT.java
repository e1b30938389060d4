package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.api.auth.SigningKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/koers up} as a user runs it: starts, serves, stops on SIGTERM, and finds its data again. */
class UpRestartIT {

  private static final Duration START = Duration.ofSeconds(120);
  private final HttpClient http = HttpClient.newHttpClient();
  private String token;

  @TempDir
  Path tempDir;
  /** Not there yet: 'koers up' creates it, private to its owner. */
  private Path dataDir;

  @BeforeEach
  void dataDirInTemp() {
    dataDir = tempDir.resolve("data");
  }

  @Test
  void aDecisionOpenedBeforeARestartIsStillThereAfterIt() throws Exception {
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    String body = "{\"decisionId\":\"restart-1\",\"title\":\"Keep the Tuesday slot\",\"unit\":\"north\","
        + "\"managerId\":\"m-1\",\"activityGroup\":\"CONTENT\"}";
    String hash;
    try (KoersProcess koers = up(port)) {
      koers.awaitLine("koers: up at " + base, START);
      // A manager token minted by 'koers token' from the key 'up' keeps in the data directory.
      token = mintedToken("--role", "manager", "--manager-id", "m-1");
      // The whole log and the key are the owner's alone: nobody else on the machine reads them.
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(SigningKey.location(dataDir))))
          .isEqualTo("rw-------");
      HttpResponse<String> created = post(base + "/api/v1/decisions", body);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      hash = created.body().replaceAll(".*\"hash\":\"([0-9a-f]{64})\".*", "$1");
      await().atMost(Duration.ofSeconds(30)).until(() -> get(base + "/api/v1/decisions/restart-1").statusCode() == 200);

      assertThat(koers.terminate(Duration.ofSeconds(60))).isEqualTo(143);
      assertThat(koers.lines()).contains("koers: stopped");
    }

    try (KoersProcess koers = up(port)) {
      koers.awaitLine("koers: up at " + base, START);
      token = adminToken(koers);
      await().atMost(Duration.ofSeconds(30)).until(() -> get(base + "/api/v1/decisions/restart-1").statusCode() == 200);
      HttpResponse<String> decision = get(base + "/api/v1/decisions/restart-1");
      assertThat(decision.body()).contains("\"title\":\"Keep the Tuesday slot\"", "\"hash\":\"" + hash + "\"",
          "\"status\":\"OPEN\"");
      // The ledger's own state survived too: the same id cannot be opened twice.
      HttpResponse<String> again = post(base + "/api/v1/decisions", body);
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(again.body()).contains("DECISION_ALREADY_EXISTS");
      assertThat(koers.terminate(Duration.ofSeconds(60))).isEqualTo(143);
    }
  }

  @Test
  void helpExplainsEverySubcommand() throws Exception {
    try (KoersProcess koers = KoersProcess.start("--help")) {
      assertThat(koers.awaitExit(Duration.ofSeconds(60))).isZero();
      assertThat(String.join("\n", koers.lines()))
          .contains("up", "ledger", "views", "api", "audit", "demo", "token", "KOERS_");
    }
  }

  /** {@code up} prints an admin token; the key behind it lives in the data directory and survives restarts. */
  private static String adminToken(KoersProcess koers) {
    koers.awaitLine("koers: admin token", Duration.ofSeconds(5));
    return koers.lines().stream().filter(l -> l.startsWith("koers: admin token")).findFirst().orElseThrow()
        .replaceFirst(".*: ", "");
  }

  private String mintedToken(String... args) throws Exception {
    String[] all = new String[args.length + 3];
    all[0] = "token";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--data-dir";
    all[args.length + 2] = dataDir.toString();
    try (KoersProcess token = KoersProcess.start(all)) {
      assertThat(token.awaitExit(Duration.ofSeconds(60))).isZero();
      return token.lines().get(token.lines().size() - 1).strip();
    }
  }

  private KoersProcess up(int port) throws IOException {
    return KoersProcess.start("up", "--data-dir", dataDir.toString(), "--port", String.valueOf(port),
        "--kafka-port", "0");
  }

  private HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
