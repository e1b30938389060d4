package dev.koers.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.domain.Decider;
import dev.koers.domain.HashChain;
import dev.koers.domain.LedgerStep;
import dev.koers.schema.Accepted;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Rejected;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.OpenDecision;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.proof.Origin;
import dev.koers.wire.proof.SubmissionHeaders;
import dev.koers.wire.proof.SubmissionKey;
import org.apache.kafka.common.header.internals.RecordHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private static final Origin M1 = new Origin("token:m-1", "request-1");

  private final KoersTopics topics = new KoersTopics("", 1);
  private final SubmissionKey key = SubmissionKey.random();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> submissions;
  private TestOutputTopic<String, DecisionEvent> events;
  private TestOutputTopic<String, Outcome> outcomes;
  private TestOutputTopic<byte[], byte[]> deadLetters;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(
        LedgerTopology.build(topics, () -> new LedgerStep(new Decider(Duration.ofMinutes(2))), key), props, T0);
    submissions = driver.createInputTopic(topics.submissions().name(), Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    events = driver.createOutputTopic(topics.events().name(), Serdes.String().deserializer(),
        topics.events().valueSerde().deserializer());
    outcomes = driver.createOutputTopic(topics.outcomes().name(), Serdes.String().deserializer(),
        topics.outcomes().valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(topics.deadLetter().name(), Serdes.ByteArray().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void anOpeningIsAppendedAsSequenceOneWithAVerifiableHashAndAcceptedOutcome() {
    submit(open("d-1", "s-1"));

    DecisionEvent event = events.readValue();
    assertThat(event.getDecisionId()).isEqualTo("d-1");
    assertThat(event.getSequence()).isEqualTo(1);
    assertThat(event.getPreviousHash()).isEqualTo(HashChain.GENESIS);
    assertThat(new HashChain().verifies(event)).isTrue();
    assertThat(events.isEmpty()).isTrue();

    Outcome outcome = outcomes.readValue();
    assertThat(outcome.getSubmissionId()).isEqualTo("s-1");
    assertThat(outcome.getResult()).isInstanceOfSatisfying(Accepted.class, accepted -> {
      assertThat(accepted.getSequence()).isEqualTo(1);
      assertThat(accepted.getHash()).isEqualTo(event.getHash());
      assertThat(accepted.getEventId()).isEqualTo(event.getEventId());
    });
  }

  @Test
  void theSameSubmissionTwiceGivesTheSameOutcomeAndNoSecondEvent() {
    submit(open("d-1", "s-1"));
    submit(open("d-1", "s-1"));

    assertThat(events.readValuesToList()).hasSize(1);
    var both = outcomes.readValuesToList();
    assertThat(both).hasSize(2);
    assertThat(both.get(1)).isEqualTo(both.get(0));
  }

  @Test
  void openingAnExistingDecisionIsRejectedNamingTheRuleAndWritesNothingToTheLog() {
    submit(open("d-1", "s-1"));
    events.readValue();
    outcomes.readValue();

    submit(open("d-1", "s-2"));

    assertThat(events.isEmpty()).isTrue();
    assertThat(outcomes.readValue().getResult()).isInstanceOfSatisfying(Rejected.class, rejected -> {
      assertThat(rejected.getRule()).isEqualTo("DECISION_ALREADY_EXISTS");
      assertThat(rejected.getCurrentSequence()).isEqualTo(1L);
      assertThat(rejected.getMessage()).contains("d-1");
    });
  }

  @Test
  void theOutcomeCarriesTheReplyIdOfTheRequestItAnswersAndARepeatItsOwn() {
    submit(open("d-1", "s-1"), M1, "first");
    submit(open("d-1", "s-1"), M1, "second");

    var first = outcomes.readRecord();
    var second = outcomes.readRecord();
    assertThat(header(first.headers(), SubmissionHeaders.REPLY_TO)).isEqualTo("first");
    assertThat(header(second.headers(), SubmissionHeaders.REPLY_TO)).isEqualTo("second");
    assertThat(second.value()).isEqualTo(first.value());
  }

  @Test
  void aSubmissionWithoutProofIsRefusedNamingTheRuleAndNothingReachesTheLog() {
    Submission forged = open("d-1", "s-1");
    submissions.pipeInput(new TestRecord<>("d-1", bytes(forged), new RecordHeaders()));

    assertThat(events.isEmpty()).isTrue();
    Rejected rejected = rejection();
    assertThat(rejected.getRule()).isEqualTo("SUBMISSION_NOT_PROVEN");
    assertThat(rejected.getCurrentSequence()).isNull();
  }

  @Test
  void aProofByAnotherKeyIsRefused() {
    submit(open("d-1", "s-1"), M1, "r", SubmissionKey.random());

    assertThat(events.isEmpty()).isTrue();
    assertThat(rejection().getRule()).isEqualTo("SUBMISSION_NOT_PROVEN");
  }

  @Test
  void aRealProofCopiedOntoOtherBytesOrAnotherCallerIsRefused() {
    Submission honest = open("d-1", "s-1");
    byte[] recordKey = "d-1".getBytes(StandardCharsets.UTF_8);
    var proven = SubmissionHeaders.signed(key, recordKey, bytes(honest), M1, "r");
    Submission asAdmin = Submission.newBuilder(honest).setActor(new Actor("intruder", Role.ADMIN)).build();
    submissions.pipeInput(new TestRecord<>("d-1", bytes(asAdmin), proven));
    var otherCaller = new RecordHeaders(proven.toArray());
    otherCaller.remove(SubmissionHeaders.CALLER);
    otherCaller.add(SubmissionHeaders.CALLER, "token:intruder".getBytes(StandardCharsets.UTF_8));
    submissions.pipeInput(new TestRecord<>("d-1", bytes(honest), otherCaller));

    assertThat(events.isEmpty()).isTrue();
    assertThat(rejection().getRule()).isEqualTo("SUBMISSION_NOT_PROVEN");
    assertThat(rejection().getRule()).isEqualTo("SUBMISSION_NOT_PROVEN");
  }

  @Test
  void aRefusedForgeryDoesNotTakeTheKeyItNamed() {
    Submission submission = open("d-1", "s-1");
    submissions.pipeInput(new TestRecord<>("d-1", bytes(submission), new RecordHeaders()));
    submit(submission);

    assertThat(rejection().getRule()).isEqualTo("SUBMISSION_NOT_PROVEN");
    assertThat(outcomes.readValue().getResult()).isInstanceOf(Accepted.class);
    assertThat(events.readValuesToList()).hasSize(1);
  }

  @Test
  void anotherCallersKeyIsRefusedWithoutItsOutcomeAndTheOwnerStillGetsIt() {
    submit(open("d-1", "s-1"), M1, "owner");
    Outcome first = outcomes.readValue();

    submit(open("d-1", "s-1"), new Origin("token:m-2", "request-1"), "thief");
    var refused = outcomes.readRecord();
    submit(open("d-1", "s-1"), M1, "owner-again");

    assertThat(refused.value().getResult()).isInstanceOfSatisfying(Rejected.class, rejected -> {
      assertThat(rejected.getRule()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
      assertThat(rejected.getCurrentSequence()).as("nothing of the decision is told").isNull();
      assertThat(rejected.getMessage()).doesNotContain("m-1").doesNotContain(
          ((Accepted) first.getResult()).getEventId());
    });
    assertThat(header(refused.headers(), SubmissionHeaders.REPLY_TO)).isEqualTo("thief");
    assertThat(outcomes.readValue()).isEqualTo(first);
    assertThat(events.readValuesToList()).hasSize(1);
  }

  @Test
  void theSameCallerWithAnotherRequestUnderItsKeyIsRefusedAndTheKeyKeepsItsFirstOutcome() {
    submit(open("d-1", "s-1"), M1, "a");
    Outcome first = outcomes.readValue();

    submit(open("d-1", "s-1"), new Origin(M1.caller(), "request-2"), "b");
    submit(open("d-1", "s-1"), M1, "c");

    assertThat(rejection().getRule()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(outcomes.readValue()).isEqualTo(first);
  }

  @Test
  void aCallerWhoMayNotActCannotSquatOnAKeyItsRightfulUserNeeds() {
    Submission byOther = Submission.newBuilder(open("d-1", "s-1"))
        .setActor(new Actor("m-2", Role.MANAGER)).build();
    submit(byOther, new Origin("token:m-2", "x"), "squat");
    submit(byOther, new Origin("token:m-2", "x"), "squat-again");
    submit(open("d-1", "s-1"), M1, "owner");
    submit(byOther, new Origin("token:m-2", "x"), "squat-late");

    assertThat(rejection().getRule()).isEqualTo("NOT_OWNING_MANAGER");
    assertThat(rejection().getRule()).as("its own repeat: the first outcome").isEqualTo("NOT_OWNING_MANAGER");
    assertThat(outcomes.readValue().getResult()).isInstanceOf(Accepted.class);
    assertThat(rejection().getRule()).as("now the key is the owner's").isEqualTo("IDEMPOTENCY_KEY_IN_USE");
  }

  @Test
  void unreadableBytesGoToTheDeadLetterTopicWithHeadersAndTheLedgerGoesOn() {
    submissions.pipeInput(new TestRecord<>("d-1", "not avro".getBytes(StandardCharsets.UTF_8)));
    submissions.pipeInput(new TestRecord<>("d-2", (byte[]) null));
    submit(open("d-3", "s-3"));

    var garbage = deadLetters.readRecord();
    assertThat(new String(garbage.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
    assertThat(header(garbage.headers(), "koers.error.code")).isEqualTo("UNREADABLE_SUBMISSION");
    assertThat(header(garbage.headers(), "koers.source.topic")).isEqualTo(topics.submissions().name());
    assertThat(header(garbage.headers(), "koers.source.partition")).isEqualTo("0");
    assertThat(header(garbage.headers(), "koers.source.offset")).isEqualTo("0");
    var empty = deadLetters.readRecord();
    assertThat(header(empty.headers(), "koers.error.code")).isEqualTo("NULL_SUBMISSION");
    assertThat(header(empty.headers(), "koers.source.offset")).isEqualTo("1");

    assertThat(events.readValue().getDecisionId()).isEqualTo("d-3");
  }

  @Test
  void aSubmissionUnderAnotherDecisionsKeyIsDeadLetteredNotDecided() {
    Submission misfiled = open("d-1", "s-1");
    submissions.pipeInput("d-other", topics.submissions().valueSerde().serializer().serialize("t", misfiled));

    assertThat(events.isEmpty()).isTrue();
    assertThat(outcomes.isEmpty()).isTrue();
    assertThat(header(deadLetters.readRecord().headers(), "koers.error.code")).isEqualTo("KEY_MISMATCH");
  }

  @Test
  void aValueThatDeclaresAHugeLengthIsDeadLetteredInsteadOfFailingTheThread() {
    byte[] valid = topics.submissions().valueSerde().serializer().serialize("t", open("d-1", "s-1"));
    // The real header and fingerprint, then a string length of about two billion (zig-zag varint).
    byte[] forged = Arrays.copyOf(valid, 15);
    System.arraycopy(new byte[] {(byte) 0x80, (byte) 0xD0, (byte) 0xAC, (byte) 0xF3, 0x0E}, 0, forged, 10, 5);

    submissions.pipeInput("d-1", forged);
    submit(open("d-1", "s-1"));

    var letter = deadLetters.readRecord();
    assertThat(letter.value()).isEqualTo(forged);
    assertThat(header(letter.headers(), "koers.error.code")).isEqualTo("UNREADABLE_SUBMISSION");
    assertThat(events.readValue().getSubmissionId()).isEqualTo("s-1");
  }

  @Test
  void aDeadLetterKeepsTheOriginalKeyBytesEvenWhenTheyAreNotUtf8() {
    TestInputTopic<byte[], byte[]> rawSubmissions = driver.createInputTopic(topics.submissions().name(),
        Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    byte[] key = {(byte) 0xFF, (byte) 0xFE, 'd'};

    rawSubmissions.pipeInput(key, topics.submissions().valueSerde().serializer().serialize("t", open("d-1", "s-1")));

    var letter = deadLetters.readRecord();
    assertThat(letter.key()).isEqualTo(key);
    assertThat(header(letter.headers(), "koers.error.code")).isEqualTo("KEY_MISMATCH");
    assertThat(events.isEmpty()).isTrue();
  }

  private void submit(Submission submission) {
    submit(submission, M1, "reply-" + submission.getSubmissionId());
  }

  private void submit(Submission submission, Origin origin, String replyId) {
    submit(submission, origin, replyId, key);
  }

  private void submit(Submission submission, Origin origin, String replyId, SubmissionKey by) {
    byte[] value = bytes(submission);
    byte[] recordKey = submission.getDecisionId().getBytes(StandardCharsets.UTF_8);
    submissions.pipeInput(new TestRecord<>(submission.getDecisionId(), value,
        SubmissionHeaders.signed(by, recordKey, value, origin, replyId)));
  }

  private byte[] bytes(Submission submission) {
    return topics.submissions().valueSerde().serializer().serialize("t", submission);
  }

  private Rejected rejection() {
    return (Rejected) outcomes.readValue().getResult();
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static Submission open(String decisionId, String submissionId) {
    return Submission.newBuilder()
        .setSubmissionId(submissionId)
        .setDecisionId(decisionId)
        .setSubmittedAt(T0)
        .setOccurredAt(T0)
        .setActor(new Actor("m-1", Role.MANAGER))
        .setCommand(OpenDecision.newBuilder().setTitle("Weekly customer dialogue").setUnit("north")
            .setManagerId("m-1").setActivityGroup(ActivityGroup.INTERACTION).build())
        .build();
  }
}
