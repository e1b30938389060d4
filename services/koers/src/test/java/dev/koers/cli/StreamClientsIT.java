package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.koers.api.StreamLimits;
import dev.koers.api.auth.Principal;
import dev.koers.documents.ViewRecords;
import dev.koers.domain.DecisionStatus;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.DecisionFacts;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.view.Course;
import dev.koers.domain.view.DecisionView;
import dev.koers.domain.view.Head;
import dev.koers.domain.view.Opening;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Role;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.wire.Topic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event stream under hostile and careless clients: one that never reads costs no one else anything and is
 * ended as too slow; streams are limited per instance and per token subject; a stream ends with its token.
 */
@KafkaIntegrationTest
class StreamClientsIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Instant NOW = Instant.now();

  @Test
  @Tag("attack")
  void aSubscriberThatNeverReadsDelaysNoneOfTheOthersAndIsEndedAsTooSlow(KafkaTestEnv kafka, @TempDir Path state)
      throws Exception {
    // 6 rounds of 40 changes of about 30 KB (7 MB): more than the stalled client's TCP buffers (up to 4 MB) and
    // its 50 buffered changes hold. Each round stays below the readers' buffers, which the feed fills at once.
    // Few rounds keep the stalled write short of Jetty's idle timeout (30 s), which would end it without the
    // final event.
    int rounds = 6;
    int perRound = 40;
    int readerCount = 8;
    Set<String> written = IntStream.range(0, rounds * perRound).mapToObj(i -> "load-" + i)
        .collect(Collectors.toSet());
    List<StreamSubscriber> readers = new ArrayList<>();
    try (TestNode node = TestNode.withStreams(kafka, state, new StreamLimits(20, 5, 50));
         StalledClient stalled = StalledClient.open(node.node().port(), "/api/v1/stream",
             node.token(new Principal("stalled", Role.VIEWER, null, null)));
         KafkaProducer<String, DecisionSummary> views = producer(kafka, node.node().topics().viewDecisions())) {
      await().atMost(WAIT).until(() -> openStreams(node) == 1);
      for (int r = 0; r < readerCount; r++) {
        readers.add(StreamSubscriber.subscribed(node.node().url(),
            node.token(new Principal("reader-" + r, Role.VIEWER, null, null))));
      }
      String title = "x".repeat(30_000);
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < perRound; i++) {
          String id = "load-" + (round * perRound + i);
          views.send(new ProducerRecord<>(node.node().topics().viewDecisions().name(), id, summary(id, title)));
        }
        views.flush();
        int expected = (round + 1) * perRound;
        await("round " + round + " at every reading subscriber").atMost(WAIT)
            .until(() -> readers.stream().allMatch(reader -> reader.data("decision").size() >= expected));
      }
      for (StreamSubscriber reader : readers) {
        List<String> received = reader.data("decision").stream().map(d -> d.get("decisionId").asText()).toList();
        assertThat(received).hasSize(rounds * perRound);
        assertThat(Set.copyOf(received)).isEqualTo(written);
        assertThat(reader.ended()).isFalse();
      }
      readers.forEach(StreamSubscriber::close);

      String seenByStalled = stalled.readToEnd(WAIT);
      assertThat(seenByStalled).contains("event: error", "\"reason\":\"too slow\"");
      assertThat(seenByStalled.split("event: decision", -1).length - 1).isLessThan(rounds * perRound);
      await().atMost(WAIT).until(() -> MetricsText.value(node.admin().get("/metrics").body(),
          "koers_stream_ended_total", "reason", "too slow") == 1);
      await().atMost(WAIT).until(() -> openStreams(node) == 0);
    } finally {
      readers.forEach(StreamSubscriber::close);
    }
  }

  @Test
  @Tag("attack")
  void streamsAreLimitedPerInstanceAndPerSubject(KafkaTestEnv kafka, @TempDir Path state) throws Exception {
    try (TestNode node = TestNode.withStreams(kafka, state, new StreamLimits(3, 2, 16))) {
      String url = node.node().url();
      String anna = node.token(new Principal("anna", Role.VIEWER, null, null));
      try (StreamSubscriber first = StreamSubscriber.subscribed(url, anna);
           StreamSubscriber second = StreamSubscriber.subscribed(url, anna);
           StreamSubscriber third = StreamSubscriber.open(url, "/api/v1/stream", anna)) {
        assertRefused(third, 429, "--max-streams-per-subject");
        try (StreamSubscriber ben = StreamSubscriber.subscribed(url,
                 node.token(new Principal("ben", Role.VIEWER, null, null)));
             StreamSubscriber cleo = StreamSubscriber.open(url, "/api/v1/stream",
                 node.token(new Principal("cleo", Role.VIEWER, null, null)))) {
          assertRefused(cleo, 503, "--max-streams");
        }
        first.close();
        // The server finds a closed stream at its next write (at the latest the next keep-alive comment).
        await().atMost(WAIT).until(() -> {
          try (StreamSubscriber again = StreamSubscriber.open(url, "/api/v1/stream", anna)) {
            return again.status() == 200;
          }
        });
      }
      String scrape = node.admin().get("/metrics").body();
      assertThat(MetricsText.value(scrape, "koers_stream_refused_total", "limit", "subject")).isGreaterThanOrEqualTo(1);
      assertThat(MetricsText.value(scrape, "koers_stream_ended_total", "reason", "client gone"))
          .isGreaterThanOrEqualTo(1);

      HttpResponse<String> noEventStream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          url + "/api/v1/stream")).header("Authorization", "Bearer " + anna).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(noEventStream.statusCode()).isEqualTo(406);
    }
  }

  @Test
  void aStreamEndsWithAFinalEventWhenItsTokenExpires(KafkaTestEnv kafka, @TempDir Path state) throws Exception {
    try (TestNode node = TestNode.start(kafka, state, Duration.ofSeconds(20));
         StreamSubscriber dashboard = StreamSubscriber.subscribed(node.node().url(),
             node.token(new Principal("short-lived", Role.VIEWER, null, null), Duration.ofSeconds(3)))) {
      await().atMost(WAIT).until(dashboard::ended);
      List<JsonNode> last = dashboard.data("error");
      assertThat(last).singleElement().satisfies(data -> {
        assertThat(data.get("reason").asText()).isEqualTo("token expired");
        assertThat(data.get("detail").asText()).contains("fresh token");
      });
    }
  }

  private static void assertRefused(StreamSubscriber refused, int status, String naming) throws Exception {
    assertThat(refused.status()).as(refused.body()).isEqualTo(status);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.header("Retry-After")).isNotNull();
    await().atMost(WAIT).until(refused::ended);
    assertThat(refused.body()).contains(naming);
  }

  private static double openStreams(TestNode node) throws Exception {
    return MetricsText.value(node.admin().get("/metrics").body(), "koers_stream_open");
  }

  private static DecisionSummary summary(String id, String title) {
    DecisionView view = new DecisionView(id, new Opening(title, null, "north", "m-1", ActivityGroup.POWER, null,
        null, NOW), new Head(DecisionStatus.OPEN, 1, "00", NOW), Course.NONE, List.of());
    return ViewRecords.decision(view, DecisionMetrics.of(DecisionFacts.opened(id, 1, "north", "m-1",
        ActivityGroup.POWER, NOW, null), Anonymity.DEFAULT));
  }

  private static KafkaProducer<String, DecisionSummary> producer(KafkaTestEnv kafka,
      Topic<String, DecisionSummary> topic) {
    return new KafkaProducer<>(kafka.clientConfig(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }
}
