package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.wire.proof.SubmissionKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Koers against a secured Kafka: a real broker whose client listener is SASL_SSL with SCRAM-SHA-512 and a
 * certificate made by keytool. Every client of the node (Streams, producer, outcome and feed readers, admin)
 * reaches it only through the passed-through client properties.
 */
class SecuredKafkaIT {

  @TempDir
  static Path dir;

  private static SecuredBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = SecuredBroker.start(dir);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void koersAcceptsACommandAndAnswersAQueryOverSaslSsl() throws Exception {
    RoundTrip.run(broker.connection(SecuredBroker.PASSWORD), dir.resolve("node"), "tls-1", "Over SASL_SSL");
  }

  @Test
  void aWrongPasswordStopsTheLedgerAtStartWithOneLineSayingSo() throws Exception {
    Path submissionKey = dir.resolve("keys").resolve("submission.key");
    SubmissionKeyFile.create(submissionKey);
    Path properties = dir.resolve("wrong-password.properties");
    Properties client = new Properties();
    client.putAll(broker.clientProperties("not the password"));
    try (var out = Files.newBufferedWriter(properties)) {
      client.store(out, null);
    }
    try (KoersProcess ledger = KoersProcess.start("ledger", "--bootstrap-servers", broker.securedServers(),
        "--client-properties", properties.toString(), "--topic-prefix", "wrong.", "--replication-factor", "1",
        "--state-dir", dir.resolve("wrong").toString(), "--submission-key-file", submissionKey.toString())) {
      assertThat(ledger.awaitExit(Duration.ofSeconds(90))).isEqualTo(1);
      // All the process printed, Kafka's own log lines included.
      assertThat(ledger.lines()).singleElement().asString()
          .startsWith("koers: Kafka at " + broker.securedServers() + " (SASL_SSL) refused the credentials")
          .doesNotContain("not the password");
    }
  }
}
