package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.api.auth.Principal;
import dev.koers.schema.Role;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dashboard subscribed to /api/v1/stream sees each change of the views, filtered by unit. */
@KafkaIntegrationTest
class EventStreamIT {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aSubscriberSeesTheChangesOfItsUnitOnly(KafkaTestEnv kafka, @TempDir Path state) throws Exception {
    try (TestNode node = TestNode.start(kafka, state, Duration.ofSeconds(20));
         StreamSubscriber dashboard = StreamSubscriber.open(node.node().url(), "/api/v1/stream?unit=north",
             viewerToken(node))) {
      assertThat(dashboard.status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(30)).until(dashboard::subscribed);

      Http anna = node.manager("m-anna");
      assertThat(anna.post("/api/v1/decisions", "{\"decisionId\":\"sse-south\",\"title\":\"Elsewhere\","
          + "\"unit\":\"south\",\"managerId\":\"m-anna\",\"activityGroup\":\"POWER\"}").statusCode()).isEqualTo(201);
      assertThat(anna.post("/api/v1/decisions", "{\"decisionId\":\"sse-north\",\"title\":\"Here\","
          + "\"unit\":\"north\",\"managerId\":\"m-anna\",\"activityGroup\":\"POWER\"}").statusCode()).isEqualTo(201);

      await().atMost(Duration.ofSeconds(30)).until(() -> dashboard.data("decision").stream()
          .anyMatch(d -> d.get("decisionId").asText().equals("sse-north")));
      await().atMost(Duration.ofSeconds(30)).until(() -> dashboard.data("metrics").stream()
          .anyMatch(d -> d.get("scope").path("unit").asText().equals("north")));
      JsonNode decision = dashboard.data("decision").stream()
          .filter(d -> d.get("decisionId").asText().equals("sse-north")).findFirst().orElseThrow();
      // The stream carries exactly what the query answers.
      assertThat(decision).isEqualTo(json.readTree(node.viewer().get("/api/v1/decisions/sse-north").body()));
      assertThat(dashboard.data("decision")).noneMatch(d -> d.get("unit").asText().equals("south"));
      assertThat(dashboard.data("metrics")).allMatch(d -> d.get("scope").path("unit").asText().equals("north"));

      HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.node().url()
          + "/api/v1/stream")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
  }

  private static String viewerToken(TestNode node) {
    return node.token(new Principal("dashboard", Role.VIEWER, null, null));
  }
}
