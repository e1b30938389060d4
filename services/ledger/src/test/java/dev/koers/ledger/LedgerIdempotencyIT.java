package dev.koers.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.client.KoersClient;
import dev.koers.schema.Accepted;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Outcome;
import dev.koers.schema.Perspective;
import dev.koers.schema.Rejected;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.OpenDecision;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.testkit.TopicReader;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import dev.koers.wire.TopicProvisioner;
import dev.koers.wire.proof.SubmissionKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same submission id gives the same outcome and never a second event, also after the ledger restarts:
 * on the same state directory, and on a wiped one whose stores come back from their changelogs.
 */
@KafkaIntegrationTest
class LedgerIdempotencyIT {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerIdempotencyIT.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Instant OPENED = Instant.now().minus(Duration.ofDays(3));

  @TempDir
  Path stateDir;

  private final SubmissionKey submissionKey = SubmissionKey.random();
  private KafkaTestEnv env;
  private KoersTopics topics;
  private StreamsSettings settings;
  private KoersClient client;
  private StreamsService ledger;

  @BeforeEach
  void setUp(KafkaTestEnv env) {
    this.env = env;
    String prefix = env.uniqueName("ledger-idempotency") + ".";
    topics = new KoersTopics(prefix, 2);
    new TopicProvisioner(env.admin(), (short) -1).ensure(topics.all());
    settings = new StreamsSettings(env.bootstrapServers(), prefix + Ledger.APPLICATION_ID, stateDir, (short) -1,
        100, null);
    client = new KoersClient(env.bootstrapServers(), topics, prefix + "client", Duration.ofSeconds(30),
        submissionKey);
  }

  @AfterEach
  void tearDown() {
    if (ledger != null) {
      ledger.close();
    }
    client.close();
  }

  @Test
  void aRepeatedSubmissionGetsItsFirstOutcomeAndNoSecondEventAcrossRestarts() throws Exception {
    Submission tooEarly = hearing("d-1", "s-too-early");
    Submission opening = opening("d-1", "s-open");
    Submission hearing = hearing("d-1", "s-hear");
    startLedger();
    Outcome notFound = client.submitAndWait(tooEarly);
    Outcome opened = client.submitAndWait(opening);
    Outcome heard = client.submitAndWait(hearing);
    assertThat(notFound.getResult()).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.getRule()).isEqualTo("DECISION_NOT_FOUND"));
    assertThat(opened.getResult()).isInstanceOfSatisfying(Accepted.class,
        accepted -> assertThat(accepted.getSequence()).isEqualTo(1));
    assertThat(heard.getResult()).isInstanceOfSatisfying(Accepted.class,
        accepted -> assertThat(accepted.getSequence()).isEqualTo(2));

    restartLedger("the same state directory");
    // The decision now exists, yet the early hearing keeps its first answer: outcomes are remembered, not redone.
    assertThat(client.submitAndWait(tooEarly)).isEqualTo(notFound);
    assertThat(client.submitAndWait(opening)).isEqualTo(opened);
    assertThat(client.submitAndWait(hearing)).isEqualTo(heard);

    stopLedger();
    deleteContents(stateDir);
    restartLedger("a wiped state directory, restored from the changelogs");
    assertThat(client.submitAndWait(tooEarly)).isEqualTo(notFound);
    assertThat(client.submitAndWait(opening)).isEqualTo(opened);
    assertThat(client.submitAndWait(hearing)).isEqualTo(heard);
    Outcome next = client.submitAndWait(hearing("d-1", "s-hear-2"));
    assertThat(next.getResult()).as("the restored state goes on from the last event")
        .isInstanceOfSatisfying(Accepted.class, accepted -> assertThat(accepted.getSequence()).isEqualTo(3));

    ledger.close();
    ledger = null;
    try (TopicReader<String, DecisionEvent> events = new TopicReader<>(env.bootstrapServers(),
        topics.events().name(), IsolationLevel.READ_COMMITTED, Serdes.String().deserializer(),
        topics.events().valueSerde().deserializer())) {
      List<DecisionEvent> log = events.values();
      assertThat(log).extracting(DecisionEvent::getSubmissionId).containsExactly("s-open", "s-hear", "s-hear-2");
      assertThat(log).extracting(DecisionEvent::getSequence).containsExactly(1L, 2L, 3L);
    }
  }

  private void startLedger() throws InterruptedException {
    ledger = Ledger.create(topics, settings, Duration.ofMinutes(2), submissionKey).start();
    assertThat(ledger.awaitRunning(START_TIMEOUT)).as("ledger running within " + START_TIMEOUT).isTrue();
  }

  /** Closes the ledger as 'koers ledger' does on SIGTERM: it leaves its group, so a successor starts at once. */
  private void stopLedger() {
    ledger.close();
    assertThat(new LedgerProgress(env.admin(), settings.applicationId(), topics, 2)
        .members()).as("members left in the ledger's group").isZero();
  }

  private void restartLedger(String how) throws InterruptedException {
    if (ledger.isRunning()) {
      stopLedger();
    }
    long started = System.nanoTime();
    startLedger();
    LOG.info("Ledger restarted on {} in {} ms", how, (System.nanoTime() - started) / 1_000_000);
  }

  private static Submission opening(String decisionId, String submissionId) {
    return new Submission(submissionId, decisionId, Instant.now(), OPENED, new Actor("m-1", Role.MANAGER), null,
        new OpenDecision("Cleaning rota for the weekend", null, "unit-1", "m-1", ActivityGroup.CONTENT, null,
            null));
  }

  private static Submission hearing(String decisionId, String submissionId) {
    return new Submission(submissionId, decisionId, Instant.now(), OPENED.plus(Duration.ofHours(1)),
        new Actor("m-1", Role.MANAGER), null, new HearPerspective(Perspective.CUSTOMER, Depth.DIALOGUE, null,
        "The customer's facility manager joined the weekly conversation."));
  }

  private static void deleteContents(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        if (!path.equals(dir)) {
          Files.delete(path);
        }
      }
    }
    assertThat(dir).isEmptyDirectory();
  }
}
