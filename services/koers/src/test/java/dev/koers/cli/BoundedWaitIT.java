package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API waits for the ledger only so long; a retry with the same key then learns the real outcome. */
@KafkaIntegrationTest
class BoundedWaitIT {

  @Test
  void aPausedLedgerGivesA503WithRetryAfterAndTheRetryGivesTheRealOutcome(KafkaTestEnv kafka,
      @TempDir Path stateDir) throws Exception {
    try (TestNode node = TestNode.start(kafka, stateDir, Duration.ofSeconds(1))) {
      Http anna = node.manager("m-anna");
      String body = "{\"decisionId\":\"slow-1\",\"title\":\"Wait for me\",\"unit\":\"north\","
          + "\"managerId\":\"m-anna\",\"activityGroup\":\"OWN_ACTION\"}";

      node.node().ledger().streams().pause();
      HttpResponse<String> waiting = anna.post("/api/v1/decisions", body, "Idempotency-Key", "slow-key");
      assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(503);
      assertThat(waiting.headers().firstValue("Retry-After")).isPresent();
      assertThat(waiting.body()).contains("Idempotency-Key");

      node.node().ledger().streams().resume();
      HttpResponse<String> retried = retryUntilAnswered(anna, body);
      assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
      assertThat(retried.body()).contains("\"sequence\":1", "\"submissionId\":\"slow-key\"");
      assertThat(node.eventsOf("slow-1")).hasSize(1);
    }
  }

  /** A client retries on 503 as Retry-After says; the ledger may need a moment to resume. */
  private static HttpResponse<String> retryUntilAnswered(Http anna, String body) throws Exception {
    HttpResponse<String> response = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      response = anna.post("/api/v1/decisions", body, "Idempotency-Key", "slow-key");
      if (response.statusCode() != 503) {
        return response;
      }
    }
    return response;
  }
}
