package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.schema.Role;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.wire.PrivateFiles;
import dev.koers.wire.proof.SubmissionKeyFile;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode as an operator runs it: 'koers topics create' once, then 'koers ledger' and 'koers api' as separate
 * processes on one cluster.
 */
@KafkaIntegrationTest
class ClusterModeIT {

  @Test
  void aLedgerProcessAndAnApiProcessServeADecisionTogether(KafkaTestEnv kafka, @TempDir Path dir) throws Exception {
    byte[] key = "cluster-test-key-of-32-bytes-!!!".getBytes(StandardCharsets.UTF_8);
    Path keyFile = dir.resolve("token.key");
    PrivateFiles.createSecret(keyFile, Base64.getEncoder().encodeToString(key).getBytes(StandardCharsets.US_ASCII));
    String prefix = kafka.uniqueName("cluster") + ".";
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path submissionKey = dir.resolve("keys").resolve("submission.key");
    SubmissionKeyFile.create(submissionKey);
    String[] common = {"--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix,
        "--replication-factor", "1"};
    try (KoersProcess topics = KoersProcess.start(concat(new String[] {"topics", "create"}, common))) {
      assertThat(topics.awaitExit(Duration.ofSeconds(90))).as(String.join("\n", topics.lines())).isZero();
    }
    try (KoersProcess ledger = KoersProcess.start(concat(new String[] {"ledger", "--state-dir",
             dir.resolve("ledger").toString(), "--submission-key-file", submissionKey.toString()}, common));
         KoersProcess api = KoersProcess.start(concat(new String[] {"api", "--state-dir", dir.resolve("api").toString(),
             "--submission-key-file", submissionKey.toString(),
             "--host", "127.0.0.1", "--advertised-host", "127.0.0.1", "--port", String.valueOf(port),
             "--token-key-file", keyFile.toString()}, common))) {
      ledger.awaitLine("koers: ledger RUNNING", Duration.ofSeconds(90));
      api.awaitLine("koers: serving at", Duration.ofSeconds(90));

      Http manager = new Http("http://127.0.0.1:" + port, new TokenMinter(key).mint(
          new Principal("m-1", Role.MANAGER, "m-1", null), Duration.ofMinutes(10), Instant.now()));
      HttpResponse<String> created = await().atMost(Duration.ofSeconds(60)).until(() -> manager.post(
          "/api/v1/decisions", "{\"decisionId\":\"c-1\",\"title\":\"Across processes\",\"unit\":\"north\","
              + "\"managerId\":\"m-1\",\"activityGroup\":\"POWER\"}"), r -> r.statusCode() != 503);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      await().atMost(Duration.ofSeconds(30)).until(() -> manager.get("/api/v1/decisions/c-1").statusCode() == 200);
      assertThat(manager.get("/api/v1/decisions/c-1").body()).contains("\"title\":\"Across processes\"");

      assertThat(api.terminate(Duration.ofSeconds(30))).isEqualTo(143);
      assertThat(ledger.terminate(Duration.ofSeconds(30))).isEqualTo(143);
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
