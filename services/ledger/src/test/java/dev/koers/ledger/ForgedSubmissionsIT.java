package dev.koers.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.client.KoersClient;
import dev.koers.schema.Accepted;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Perspective;
import dev.koers.schema.Rejected;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.command.ReviseDecision;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.testkit.TopicReader;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import dev.koers.wire.TopicProvisioner;
import dev.koers.wire.proof.Origin;
import dev.koers.wire.proof.SubmissionFingerprint;
import dev.koers.wire.proof.SubmissionHeaders;
import dev.koers.wire.proof.SubmissionKey;
import dev.koers.wire.proof.SubmissionRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anyone who can write to the submissions topic (the embedded broker has no authentication) tries to act as an
 * administrator, as the owning manager and as a respondent, with no proof, with a proof by another key, and
 * with a real proof made for other bytes. Each would pass every rule if its actor were believed; each is
 * refused as SUBMISSION_NOT_PROVEN and nothing of it reaches the log, while proven submissions go on.
 */
@Tag("attack")
@KafkaIntegrationTest
class ForgedSubmissionsIT {

  private static final Instant OPENED = Instant.now().minus(Duration.ofDays(2));

  /** How a forger dresses a submission up. */
  private enum Disguise { NO_PROOF, PROOF_BY_ANOTHER_KEY, PROOF_FOR_OTHER_BYTES }

  @TempDir
  Path stateDir;

  private final SubmissionKey submissionKey = SubmissionKey.random();
  private KafkaTestEnv env;
  private KoersTopics topics;
  private StreamsService ledger;
  private KoersClient client;
  private KafkaProducer<byte[], byte[]> forger;

  @BeforeEach
  void setUp(KafkaTestEnv env) throws InterruptedException {
    this.env = env;
    String prefix = env.uniqueName("ledger-forged") + ".";
    topics = new KoersTopics(prefix, 3);
    new TopicProvisioner(env.admin(), (short) -1).ensure(topics.all());
    ledger = Ledger.create(topics, new StreamsSettings(env.bootstrapServers(), prefix + Ledger.APPLICATION_ID,
        stateDir, (short) -1, 100, null), Duration.ofMinutes(2), submissionKey).start();
    assertThat(ledger.awaitRunning(Duration.ofSeconds(60))).isTrue();
    client = new KoersClient(env.bootstrapServers(), topics, prefix + "client", Duration.ofSeconds(30),
        submissionKey);
    Map<String, Object> config = env.clientConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    forger = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @AfterEach
  void tearDown() {
    forger.close(Duration.ofSeconds(5));
    client.close();
    ledger.close();
  }

  @Test
  void forgedAdminsManagersAndRespondentsAreRefusedAndNothingOfThemReachesTheLog() throws Exception {
    assertThat(client.submitAndWait(opening("d-1", "s-open", new Actor("m-1", Role.MANAGER))).getResult())
        .isInstanceOf(Accepted.class);
    assertThat(client.submitAndWait(decision("d-1", "s-decide")).getResult()).isInstanceOf(Accepted.class);

    List<Submission> forgeries = List.of(
        opening("d-2", "forged-admin", new Actor("intruder", Role.ADMIN)),
        revision("d-1", "forged-manager", new Actor("m-1", Role.MANAGER)),
        feedback("d-1", "forged-respondent", "r-7"));
    List<String> replyIds = new ArrayList<>();
    for (Submission forged : forgeries) {
      for (Disguise disguise : Disguise.values()) {
        String replyId = forged.getSubmissionId() + "/" + disguise;
        forger.send(dressed(forged, disguise, replyId)).get(30, TimeUnit.SECONDS);
        replyIds.add(replyId);
      }
    }
    Outcome honest = client.submitAndWait(feedback("d-1", "s-honest-feedback", "r-1"));

    Map<String, Outcome> answers = awaitOutcomes(replyIds);
    assertThat(replyIds).allSatisfy(replyId -> assertThat(answers.get(replyId).getResult()).as(replyId)
        .isInstanceOfSatisfying(Rejected.class, rejected -> {
          assertThat(rejected.getRule()).isEqualTo("SUBMISSION_NOT_PROVEN");
          assertThat(rejected.getCurrentSequence()).as("a forger learns nothing of the decision").isNull();
        }));
    assertThat(honest.getResult()).as("the ledger goes on with proven submissions, right after the last event")
        .isInstanceOfSatisfying(Accepted.class, accepted -> assertThat(accepted.getSequence()).isEqualTo(3));
    try (TopicReader<String, DecisionEvent> events = new TopicReader<>(env.bootstrapServers(),
        topics.events().name(), IsolationLevel.READ_COMMITTED, Serdes.String().deserializer(),
        topics.events().valueSerde().deserializer())) {
      assertThat(events.values()).extracting(DecisionEvent::getSubmissionId)
          .containsExactly("s-open", "s-decide", "s-honest-feedback");
    }
  }

  @Test
  void aForgeryThatNamesAnHonestKeyFirstDoesNotSpoilIt() throws Exception {
    Submission opening = opening("d-3", "key-1", new Actor("m-1", Role.MANAGER));
    Submission squat = opening("d-3", "key-1", new Actor("intruder", Role.ADMIN));
    forger.send(dressed(squat, Disguise.NO_PROOF, "squat")).get(30, TimeUnit.SECONDS);

    Outcome outcome = client.submitAndWait(opening);

    assertThat(outcome.getResult()).as("the key is still free for its honest user").isInstanceOf(Accepted.class);
    assertThat(awaitOutcomes(List.of("squat")).get("squat").getResult()).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.getRule()).isEqualTo("SUBMISSION_NOT_PROVEN"));
  }

  private ProducerRecord<byte[], byte[]> dressed(Submission forged, Disguise disguise, String replyId) {
    Origin claimed = SubmissionFingerprint.origin(forged);
    return switch (disguise) {
      case NO_PROOF -> {
        ProducerRecord<byte[], byte[]> real = new SubmissionRecords(topics.submissions(), submissionKey)
            .signed(forged, claimed, replyId);
        RecordHeaders bare = new RecordHeaders();
        SubmissionHeaders.putReplyId(bare, replyId);
        yield new ProducerRecord<>(real.topic(), null, real.key(), real.value(), bare);
      }
      case PROOF_BY_ANOTHER_KEY -> new SubmissionRecords(topics.submissions(), SubmissionKey.random())
          .signed(forged, claimed, replyId);
      case PROOF_FOR_OTHER_BYTES -> {
        // A real proof, as an honest client made it for its own submission, moved onto the forger's bytes.
        Submission genuine = feedback(forged.getDecisionId(), forged.getSubmissionId(), "r-1");
        ProducerRecord<byte[], byte[]> real = new SubmissionRecords(topics.submissions(), submissionKey)
            .signed(genuine, SubmissionFingerprint.origin(genuine), replyId);
        byte[] value = topics.submissions().valueSerde().serializer().serialize(real.topic(), forged);
        yield new ProducerRecord<>(real.topic(), null, real.key(), value, real.headers());
      }
    };
  }

  private Map<String, Outcome> awaitOutcomes(List<String> replyIds) {
    try (TopicReader<String, Outcome> outcomes = new TopicReader<>(env.bootstrapServers(), topics.outcomes().name(),
        IsolationLevel.READ_COMMITTED, Serdes.String().deserializer(), topics.outcomes().valueSerde().deserializer())) {
      return await("outcomes of " + replyIds).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> byReplyId(outcomes.catchUp()), answers -> answers.keySet().containsAll(replyIds));
    }
  }

  private static Map<String, Outcome> byReplyId(List<ConsumerRecord<String, Outcome>> records) {
    return records.stream().filter(r -> r.headers().lastHeader(SubmissionHeaders.REPLY_TO) != null)
        .collect(Collectors.toMap(
            r -> new String(r.headers().lastHeader(SubmissionHeaders.REPLY_TO).value(), StandardCharsets.UTF_8),
            ConsumerRecord::value, (first, second) -> first));
  }

  private static Submission opening(String decisionId, String submissionId, Actor actor) {
    return new Submission(submissionId, decisionId, Instant.now(), OPENED, actor, null,
        new OpenDecision("Night shifts for the warehouse", null, "unit-1", "m-1", ActivityGroup.POWER, null, null));
  }

  private static Submission decision(String decisionId, String submissionId) {
    return new Submission(submissionId, decisionId, Instant.now(), OPENED.plus(Duration.ofHours(1)),
        new Actor("m-1", Role.MANAGER), null, new MakeDecision("Two night shifts a week at most", null, true));
  }

  private static Submission revision(String decisionId, String submissionId, Actor actor) {
    return new Submission(submissionId, decisionId, Instant.now(), OPENED.plus(Duration.ofHours(2)), actor, null,
        new ReviseDecision("Pressure from the intruder", "Seven night shifts a week"));
  }

  private static Submission feedback(String decisionId, String submissionId, String respondentId) {
    return new Submission(submissionId, decisionId, Instant.now(), OPENED.plus(Duration.ofHours(3)),
        new Actor(respondentId, Role.STAKEHOLDER), null,
        new GiveFeedback(Perspective.EMPLOYEE, respondentId, null, 1, 1, 1, 1, null));
  }
}
