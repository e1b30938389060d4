package dev.koers.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.api.auth.Principal;
import dev.koers.schema.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** The fault tests' installation works as one: a command through one API is read through the other and audited. */
@Tag("faults")
class KoersClusterIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aDecisionMadeThroughOneApiIsReadThroughTheOtherAndItsChainVerifies(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path root) throws Exception {
    try (KoersCluster cluster = KoersCluster.start(new KoersCluster.Layout(root, "smoke.", 3), 2, 2)) {
      String token = cluster.token(new Principal("m-1", Role.MANAGER, "m-1", null), Duration.ofMinutes(10));
      HttpResponse<String> created = await("the first command accepted").atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> http.send(HttpRequest.newBuilder(URI.create(cluster.apiUrl(1) + "/api/v1/decisions"))
              .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
              .header("Idempotency-Key", "smoke-1")
              .POST(HttpRequest.BodyPublishers.ofString("{\"decisionId\":\"smoke-1\",\"title\":\"Smoke\","
                  + "\"unit\":\"north\",\"managerId\":\"m-1\",\"activityGroup\":\"POWER\"}")).build(),
              HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() != 503);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      HttpRequest read = HttpRequest.newBuilder(URI.create(cluster.apiUrl(2) + "/api/v1/decisions/smoke-1"))
          .header("Authorization", "Bearer " + token).build();
      await("the decision readable through the other API").atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> http.send(read, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
      assertThat(http.send(read, HttpResponse.BodyHandlers.ofString()).body()).contains("\"title\":\"Smoke\"");

      KoersInstance.Result verify = cluster.tool("audit-verify", "audit", "verify");
      assertThat(verify.exitCode()).as(verify.text()).isZero();

      assertThat(cluster.api(2).terminate(Duration.ofSeconds(30))).isEqualTo(KoersInstance.SIGTERM_EXIT);
      assertThat(cluster.ledger(2).kill()).isEqualTo(KoersInstance.SIGKILL_EXIT);
    }
  }
}
