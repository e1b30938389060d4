package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Koers' own figures on GET /metrics, from a real node: submissions, the outcome wait, HTTP, dead letters, lag. */
@KafkaIntegrationTest
class KoersMetricsIT {

  private static final String OPEN = "{\"decisionId\":\"metrics-1\",\"title\":\"Counted\",\"unit\":\"north\","
      + "\"managerId\":\"m-1\",\"activityGroup\":\"POWER\"}";

  @Test
  void submissionsHttpRequestsDeadLettersAndTheViewsLagAreOnMetrics(KafkaTestEnv kafka, @TempDir Path dir)
      throws Exception {
    try (TestNode node = TestNode.start(kafka, dir, Duration.ofSeconds(30));
         RawRecords raw = new RawRecords(kafka)) {
      Http manager = node.manager("m-1");
      Http anonymous = new Http(node.node().url(), null);
      assertThat(manager.post("/api/v1/decisions", OPEN).statusCode()).isEqualTo(201);
      assertThat(manager.post("/api/v1/decisions", OPEN, "Idempotency-Key", "a-second-opening").statusCode())
          .isEqualTo(409);
      await().atMost(Duration.ofSeconds(30)).until(() -> manager.get("/api/v1/decisions/metrics-1").statusCode() == 200);
      assertThat(anonymous.get("/api/v1/no-such-route").statusCode()).isEqualTo(404);
      raw.send(new ProducerRecord<>(node.node().topics().submissions().name(), "poison", RawRecords.GARBAGE));

      await().atMost(Duration.ofSeconds(60)).until(() -> MetricsText.value(anonymous.get("/metrics").body(),
          "koers_deadletter_records") >= 1);
      String scrape = anonymous.get("/metrics").body();
      assertThat(MetricsText.value(scrape, "koers_submissions_total", "outcome", "accepted", "rule", "none"))
          .isEqualTo(1);
      assertThat(MetricsText.value(scrape, "koers_submissions_total", "outcome", "rejected",
          "rule", "DECISION_ALREADY_EXISTS")).isEqualTo(1);
      assertThat(MetricsText.value(scrape, "koers_submission_outcome_wait_seconds_count")).isEqualTo(2);
      assertThat(scrape).contains("koers_submission_outcome_wait_seconds_bucket{le=");
      assertThat(MetricsText.value(scrape, "koers_http_requests_seconds_count", "method", "POST",
          "route", "/api/v1/decisions", "status", "201")).isEqualTo(1);
      assertThat(MetricsText.value(scrape, "koers_http_requests_seconds_count", "method", "POST",
          "route", "/api/v1/decisions", "status", "409")).isEqualTo(1);
      assertThat(MetricsText.value(scrape, "koers_http_requests_seconds_count", "method", "GET",
          "route", "/api/v1/decisions/{id}", "status", "200")).isGreaterThanOrEqualTo(1);
      assertThat(MetricsText.value(scrape, "koers_http_requests_seconds_count", "route", "unmatched",
          "status", "404")).isEqualTo(1);
      assertThat(scrape).as("no raw path becomes a series").doesNotContain("no-such-route");
      await().atMost(Duration.ofSeconds(30)).until(() -> MetricsText.value(anonymous.get("/metrics").body(),
          "koers_views_lag_records") == 0);
      assertThat(scrape).contains("koers_views_lag_records ", "koers_stream_open ");
    }
  }
}
