package dev.koers.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.audit.cli.ExitCodes;
import dev.koers.audit.cli.VerifyCommand;
import dev.koers.audit.testing.AuditCli;
import dev.koers.audit.testing.BoundsThroughTheLedger;
import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LogTopics;
import dev.koers.audit.testing.OutsideReader;
import dev.koers.audit.testing.RawLog;
import dev.koers.client.KoersClient;
import dev.koers.wire.proof.SubmissionKey;
import dev.koers.ledger.Ledger;
import dev.koers.schema.Accepted;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import dev.koers.wire.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ledger writes a small log (submissions through the Java client); the outside reader, a Python
 * script with no Koers code, decodes it with only the .avsc files and recomputes the chains. It must agree with
 * {@code koers audit verify}, and fail on a tampered copy: this proves docs/wire-format.md true. The log also
 * holds events at the bounds (issue 10.1, {@link BoundsThroughTheLedger}): whatever the ledger accepts, the
 * outside reader reads.
 */
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutsideReaderIT {

  /** d-000 has 7 events (revised), d-001, d-002 and d-004 six, d-003 four (withdrawn): 29. */
  private static final int DECISIONS = 5;
  private static final int EVENTS = 29;

  private final KafkaTestEnv env;
  private final LogTopics logTopics;
  private String prefix;
  private StreamsService ledger;
  private BoundsThroughTheLedger bounds;

  OutsideReaderIT(KafkaTestEnv env) {
    this.env = env;
    this.logTopics = new LogTopics(env);
  }

  @BeforeAll
  void theLedgerWritesALog(@TempDir Path stateDir) throws Exception {
    prefix = env.uniqueName("outside") + ".";
    KoersTopics topics = new KoersTopics(prefix, LogTopics.PARTITIONS);
    new TopicProvisioner(env.admin(), (short) 1).ensure(topics.all());
    SubmissionKey submissionKey = SubmissionKey.random();
    ledger = Ledger.create(topics, new StreamsSettings(env.bootstrapServers(), prefix + "ledger", stateDir,
        (short) 1, 100, null), Duration.ofMinutes(2), submissionKey).start();
    assertThat(ledger.awaitRunning(Duration.ofSeconds(60))).as("ledger running").isTrue();
    Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    try (KoersClient client = new KoersClient(env.bootstrapServers(), topics, "outside-it", Duration.ofSeconds(30),
        submissionKey)) {
      List<Submission> submissions = Histories.interleaved(DECISIONS);
      for (int k = 0; k < submissions.size(); k++) {
        Instant at = start.plusSeconds(k);
        Outcome outcome = client.submitAndWait(Submission.newBuilder(submissions.get(k))
            .setOccurredAt(at).setSubmittedAt(at).build());
        assertThat(outcome.getResult()).as("outcome of %s", submissions.get(k).getSubmissionId())
            .isInstanceOf(Accepted.class);
      }
      bounds = new BoundsThroughTheLedger(client, topics)
          .run(20_261_206L, start.minus(BoundsThroughTheLedger.lead()), 120);
    }
  }

  @AfterAll
  void stopTheLedger() {
    if (ledger != null) {
      ledger.close();
    }
  }

  @Test
  void theOutsideReaderVerifiesEveryChainTheLedgerWrote() throws Exception {
    AuditCli.Result result = OutsideReader.run("--bootstrap-servers", env.bootstrapServers(),
        "--topic-prefix", prefix);

    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out()).contains("VERIFIED: " + (EVENTS + bounds.acceptedEvents()) + " events of "
        + (DECISIONS + bounds.decisions()) + " decisions");
  }

  @Test
  void theOutsideReaderReadsEventsAtTheBounds() throws Exception {
    AuditCli.Result result = OutsideReader.run("--bootstrap-servers", env.bootstrapServers(),
        "--topic-prefix", prefix, "--decision", BoundsThroughTheLedger.AT_THE_BOUNDS);

    assertThat(bounds.acceptedEvents()).as("events of the random part and the decision at the bounds")
        .isGreaterThan(3);
    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out()).contains("VERIFIED: 3 events of 1 decisions");
  }

  @Test
  void theOutsideReaderChecksOneDecisionWhenNamed() throws Exception {
    AuditCli.Result one = OutsideReader.run("--bootstrap-servers", env.bootstrapServers(),
        "--topic-prefix", prefix, "--decision", Histories.decisionId(3));
    AuditCli.Result absent = OutsideReader.run("--bootstrap-servers", env.bootstrapServers(),
        "--topic-prefix", prefix, "--decision", "no-such-decision");

    assertThat(one.exitCode()).as(one.out()).isZero();
    assertThat(one.out()).contains("VERIFIED: 4 events of 1 decisions");
    assertThat(absent.exitCode()).as(absent.out()).isEqualTo(1);
  }

  @Test
  void koersAuditVerifyAgreesOnTheLedgersLog() {
    AuditCli.Result result = AuditCli.run(new VerifyCommand(), "--bootstrap-servers", env.bootstrapServers(),
        "--topic-prefix", prefix, "--quiet");

    assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("(" + (EVENTS + bounds.acceptedEvents()) + " events) of "
        + (DECISIONS + bounds.decisions()) + " decisions");
  }

  @Test
  void theOutsideReaderFailsOnATamperedCopy() throws Exception {
    RawLog log = logTopics.read(prefix);
    RawLog.Place place = log.find(Histories.decisionId(2), 4);
    byte[] value = log.at(place).value().clone();
    value[value.length - 40] ^= 0x01;
    log.replace(place, value);
    String copy = logTopics.freshPrefix("outside-tampered");
    logTopics.writeCopy(copy, log);

    AuditCli.Result result = OutsideReader.run("--bootstrap-servers", env.bootstrapServers(),
        "--topic-prefix", copy);

    assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
    assertThat(result.out()).contains("BROKEN decision=" + Histories.decisionId(2) + " sequence=4 partition="
        + place.partition() + " offset=" + place.index());
  }
}
