package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.api.StreamLimits;
import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.api.auth.TokenSettings;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.schema.Role;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.proof.SubmissionKey;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

/** A whole node against some Kafka, shown to work end to end: a command accepted (201), then its query answered. */
final class RoundTrip {

  private static final byte[] KEY = "round-trip-test-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8);

  private RoundTrip() {}

  static void run(KafkaConnection connection, Path stateDir, String decisionId, String title) throws Exception {
    NodeSettings settings = new NodeSettings(connection, decisionId + ".", 3, (short) 1, stateDir, "127.0.0.1", 0,
        Duration.ofSeconds(30), Duration.ofMinutes(2), TokenSettings.local(KEY), "127.0.0.1",
        EnumSet.allOf(NodePart.class), Anonymity.DEFAULT, StreamLimits.DEFAULT, true, SubmissionKey.random());
    try (KoersNode node = KoersNode.start(settings, line -> { })) {
      Http manager = new Http(node.url(), new TokenMinter(KEY).mint(
          new Principal("m-1", Role.MANAGER, "m-1", null), Duration.ofMinutes(10), Instant.now()));
      HttpResponse<String> created = manager.post("/api/v1/decisions", "{\"decisionId\":\"" + decisionId
          + "\",\"title\":\"" + title + "\",\"unit\":\"north\",\"managerId\":\"m-1\",\"activityGroup\":\"POWER\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> manager.get("/api/v1/decisions/" + decisionId).statusCode() == 200);
      assertThat(manager.get("/api/v1/decisions/" + decisionId).body()).contains("\"title\":\"" + title + "\"");
    }
  }
}
