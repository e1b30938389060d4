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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dashboard subscribed to /api/v1/stream sees each change of the views, filtered by unit. */
@KafkaIntegrationTest
class EventStreamIT {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aSubscriberSeesTheChangesOfItsUnitOnly(KafkaTestEnv kafka, @TempDir Path state) throws Exception {
    try (TestNode node = TestNode.start(kafka, state, Duration.ofSeconds(20))) {
      List<String> lines = new CopyOnWriteArrayList<>();
      HttpClient http = HttpClient.newHttpClient();
      String viewer = viewerToken(node);
      HttpRequest subscribe = HttpRequest.newBuilder(URI.create(node.node().url() + "/api/v1/stream?unit=north"))
          .header("Authorization", "Bearer " + viewer).header("Accept", "text/event-stream").GET().build();
      CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(subscribe,
          HttpResponse.BodyHandlers.ofLines());
      HttpResponse<Stream<String>> response = stream.get();
      assertThat(response.statusCode()).isEqualTo(200);
      Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
      reader.setDaemon(true);
      reader.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("subscribed")));

      Http anna = node.manager("m-anna");
      assertThat(anna.post("/api/v1/decisions", "{\"decisionId\":\"sse-south\",\"title\":\"Elsewhere\","
          + "\"unit\":\"south\",\"managerId\":\"m-anna\",\"activityGroup\":\"POWER\"}").statusCode()).isEqualTo(201);
      assertThat(anna.post("/api/v1/decisions", "{\"decisionId\":\"sse-north\",\"title\":\"Here\","
          + "\"unit\":\"north\",\"managerId\":\"m-anna\",\"activityGroup\":\"POWER\"}").statusCode()).isEqualTo(201);

      await().atMost(Duration.ofSeconds(30)).until(() -> data(lines, "decision").stream()
          .anyMatch(d -> d.get("decisionId").asText().equals("sse-north")));
      await().atMost(Duration.ofSeconds(30)).until(() -> data(lines, "metrics").stream()
          .anyMatch(d -> d.get("scope").path("unit").asText().equals("north")));
      JsonNode decision = data(lines, "decision").stream()
          .filter(d -> d.get("decisionId").asText().equals("sse-north")).findFirst().orElseThrow();
      // The stream carries exactly what the query answers.
      assertThat(decision).isEqualTo(json.readTree(node.viewer().get("/api/v1/decisions/sse-north").body()));
      assertThat(data(lines, "decision")).noneMatch(d -> d.get("unit").asText().equals("south"));
      assertThat(data(lines, "metrics")).allMatch(d -> d.get("scope").path("unit").asText().equals("north"));

      HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(node.node().url()
          + "/api/v1/stream")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
  }

  private static String viewerToken(TestNode node) {
    return node.token(new Principal("dashboard", Role.VIEWER, null, null));
  }

  /** The data of every complete event of one name seen so far. */
  private List<JsonNode> data(List<String> lines, String event) {
    List<JsonNode> found = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).equals("event: " + event) && lines.get(i + 1).startsWith("data: ")) {
        try {
          found.add(json.readTree(lines.get(i + 1).substring("data: ".length())));
        } catch (java.io.IOException e) {
          throw new AssertionError("not JSON: " + lines.get(i + 1), e);
        }
      }
    }
    return found;
  }
}
