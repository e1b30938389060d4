package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.api.ApiBackends;
import dev.koers.api.ApiServer;
import dev.koers.api.ApiSettings;
import dev.koers.api.LocalViews;
import dev.koers.api.auth.TokenVerifier;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.views.Views;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A views instance that starts on an empty state directory restores its stores from their changelogs first;
 * held in that restore on a real broker, every query route answers 503 with Retry-After, then 200 once it
 * has restored.
 */
@KafkaIntegrationTest
class RestoringViewsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> ROUTES = List.of("/api/v1/decisions/restore-1",
      "/api/v1/decisions/restore-1/events", "/api/v1/decisions?unit=north", "/api/v1/units/north/metrics",
      "/api/v1/units/north/metrics/weekly", "/api/v1/managers/m-1/metrics", "/api/v1/managers/m-1/metrics/weekly");

  @Test
  void whileAStoreRestoresEveryQueryIsA503WithRetryAfter(KafkaTestEnv kafka, @TempDir Path dir) throws Exception {
    String prefix = kafka.uniqueName("restoring") + ".";
    String token;
    try (TestNode node = TestNode.start(kafka, dir.resolve("first"), Duration.ofSeconds(10), prefix)) {
      Http admin = node.admin();
      token = node.token(new dev.koers.api.auth.Principal("it-admin", dev.koers.schema.Role.ADMIN, null, null));
      assertThat(admin.post("/api/v1/decisions", "{\"decisionId\":\"restore-1\",\"title\":\"t\",\"unit\":\"north\","
          + "\"managerId\":\"m-1\",\"activityGroup\":\"CONTENT\"}").statusCode()).isEqualTo(201);
      await().atMost(WAIT).until(() -> admin.get("/api/v1/decisions/restore-1").statusCode() == 200
          && admin.get("/api/v1/units/north/metrics").statusCode() == 200);
    }

    CountDownLatch restoreMayGoOn = new CountDownLatch(1);
    CountDownLatch restoring = new CountDownLatch(1);
    int port = FreePort.pick();
    try (StreamsService views = Views.create(new KoersTopics(prefix, 3), new StreamsSettings(kafka.bootstrapServers(),
        prefix + Views.APPLICATION_ID, dir.resolve("empty"), (short) 1, 100, "127.0.0.1:" + port), Anonymity.DEFAULT)) {
      views.streams().setGlobalStateRestoreListener(new HeldRestore(restoring, restoreMayGoOn));
      views.start();
      try (ApiServer api = ApiServer.start(new ApiSettings("127.0.0.1", port), new ApiBackends(
          new TokenVerifier(TestNode.tokenSettings()), null,
          new LocalViews(views.streams(), new HostInfo("127.0.0.1", port), Anonymity.DEFAULT), List::of,
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null))) {
        Http admin = new Http("http://127.0.0.1:" + port, token);
        assertThat(restoring.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("a store began to restore").isTrue();
        for (String route : ROUTES) {
          HttpResponse<String> answer = admin.get(route);
          assertThat(answer.statusCode()).as(route + ": " + answer.body()).isEqualTo(503);
          assertThat(answer.headers().firstValue("Retry-After")).as(route).hasValue("1");
          assertThat(answer.body()).as(route).contains("urn:koers:problem:unavailable");
        }

        restoreMayGoOn.countDown();
        for (String route : ROUTES) {
          await().atMost(WAIT).until(() -> admin.get(route).statusCode() == 200);
        }
      } finally {
        restoreMayGoOn.countDown();
      }
    }
  }

  /** Holds the first store restore until the test lets it go on (on Kafka Streams' restore thread). */
  private record HeldRestore(CountDownLatch restoring, CountDownLatch mayGoOn) implements StateRestoreListener {
    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
      restoring.countDown();
      try {
        mayGoOn.await(WAIT.toSeconds() * 2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {}

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {}
  }
}
