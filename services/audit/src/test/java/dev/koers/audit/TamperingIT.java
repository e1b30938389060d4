package dev.koers.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.koers.audit.cli.DigestCommand;
import dev.koers.audit.cli.ExitCodes;
import dev.koers.audit.cli.VerifyCommand;
import dev.koers.audit.log.RawRecord;
import dev.koers.audit.testing.AuditCli;
import dev.koers.audit.testing.Found;
import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LedgerRun;
import dev.koers.audit.testing.LogTopics;
import dev.koers.audit.testing.RawLog;
import dev.koers.audit.testing.RawLog.Place;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.event.DecisionMade;
import dev.koers.schema.event.FeedbackGiven;
import dev.koers.schema.event.PerspectiveHeard;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.wire.KoersTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real log (sealed by the ledger's own step, appended in transactions) is copied to a fresh topic with one
 * tampering each; {@code koers audit verify} must find each at the right record. Decision d-004 is the victim:
 * #1 opened, #2 and #3 perspectives heard, #4 decided, #5 communicated, #6 feedback.
 */
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperingIT {

  private static final String VICTIM = Histories.decisionId(4);

  private final KafkaTestEnv env;
  private final LogTopics topics;
  private RawLog original;

  TamperingIT(KafkaTestEnv env) {
    this.env = env;
    this.topics = new LogTopics(env);
  }

  @BeforeAll
  void writeARealLog() {
    String prefix = topics.freshPrefix("audit-original");
    topics.writeAsLedger(prefix, LedgerRun.events(Histories.interleaved(12)));
    original = topics.read(prefix);
    assertThat(original.lastSequence(VICTIM)).isEqualTo(6);
  }

  @Test
  void anUntamperedCopyVerifiesClean() {
    String copy = copyOf(original.copy(), "audit-clean");

    AuditCli.Result result = verify(copy);

    assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCodes.OK);
    assertThat(Found.in(result.out())).isEmpty();
  }

  @Test
  void theLedgersOwnTopicWithTransactionMarkersVerifiesClean() {
    AuditCli.Result result = AuditCli.run(new VerifyCommand(), "--bootstrap-servers", env.bootstrapServers(),
        "--topic-prefix", prefixOf(original), "--quiet");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).startsWith("VERIFIED: 69 records (69 events) of 12 decisions");
  }

  @Test
  void aFlippedByteIsAHashMismatchAtThatRecord() {
    RawLog log = original.copy();
    Place decided = log.find(VICTIM, 4);
    byte[] value = log.at(decided).value().clone();
    int digit = indexOf(value, "22:00");
    value[digit] ^= 0x01;
    log.replace(decided, value);
    String copy = copyOf(log, "audit-flip");

    AuditCli.Result result = verify(copy);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BROKEN);
    assertThat(Found.in(result.out())).map(Found::where)
        .containsExactly("HASH_MISMATCH " + VICTIM + " #4 " + decided.partition() + "@" + decided.index());
    assertThat(Found.in(result.out())).first().extracting(Found::topic).isEqualTo(LogTopics.eventsTopic(copy));
  }

  @Test
  void aDroppedEventIsAGapAndABrokenLinkAtTheNextRecord() {
    RawLog log = original.copy();
    log.remove(log.find(VICTIM, 3));
    Place next = log.find(VICTIM, 4);
    String copy = copyOf(log, "audit-drop");

    AuditCli.Result result = verify(copy);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BROKEN);
    String at = " " + VICTIM + " #4 " + next.partition() + "@" + next.index();
    assertThat(Found.in(result.out())).map(Found::where)
        .containsExactly("SEQUENCE_GAP" + at, "LINK_BROKEN" + at);
  }

  @Test
  void twoSwappedEventsAreFoundWhereEachNowStands() {
    RawLog log = original.copy();
    Place decided = log.find(VICTIM, 4);
    Place communicated = log.find(VICTIM, 5);
    Place feedback = log.find(VICTIM, 6);
    log.swap(decided, communicated);
    String copy = copyOf(log, "audit-swap");

    AuditCli.Result result = verify(copy);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BROKEN);
    String communicatedFirst = " " + VICTIM + " #5 " + decided.partition() + "@" + decided.index();
    String decidedSecond = " " + VICTIM + " #4 " + communicated.partition() + "@" + communicated.index();
    String feedbackAfter = " " + VICTIM + " #6 " + feedback.partition() + "@" + feedback.index();
    assertThat(Found.in(result.out())).map(Found::where).containsExactly(
        "SEQUENCE_GAP" + communicatedFirst, "LINK_BROKEN" + communicatedFirst,
        "INVALID_TRANSITION" + communicatedFirst,
        "SEQUENCE_REPEAT" + decidedSecond, "LINK_BROKEN" + decidedSecond,
        "SEQUENCE_GAP" + feedbackAfter, "LINK_BROKEN" + feedbackAfter);
  }

  @Test
  void aValidlyHashedInjectedEventBreaksTheLinkOfTheRecordAfterIt() {
    RawLog log = original.copy();
    Place heard = log.find(VICTIM, 3);
    DecisionEvent last = log.eventAt(heard);
    DecisionEvent injected = new HashChain().seal(DecisionEvent.newBuilder(last)
        .setEventId("e-injected").setSubmissionId("s-injected").setSequence(4)
        .setPreviousHash(last.getHash())
        .setPayload(new PerspectiveHeard(Perspective.ORGANIZATION, Depth.CO_DECIDED, null, "never happened"))
        .build());
    log.insertAfter(heard, new RawRecord(log.at(heard).position(), VICTIM.getBytes(StandardCharsets.UTF_8),
        RawLog.encode(injected)));
    Place original4 = log.find(VICTIM, 4);
    if (original4.index() == heard.index() + 1) {
      // find() returns the first #4, which is the injected one; the ledger's #4 comes later.
      original4 = findAfter(log, heard.index() + 1, 4);
    }
    String copy = copyOf(log, "audit-inject");

    AuditCli.Result result = verify(copy);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BROKEN);
    List<Found> found = Found.in(result.out());
    String at = " " + VICTIM + " #4 " + original4.partition() + "@" + original4.index();
    assertThat(found).map(Found::where).containsExactly("SEQUENCE_REPEAT" + at, "LINK_BROKEN" + at);
    assertThat(found.get(0).detail()).contains("offset " + (heard.index() + 1));
  }

  @Test
  void aWholeChainRewrittenConsistentlyPassesPlainVerifyButFailsTheDigest(@TempDir Path dir) {
    String clean = copyOf(original.copy(), "audit-digested");
    Path digest = dir.resolve("digest.json");
    assertThat(digest(clean, digest, "--with-heads").exitCode()).isEqualTo(ExitCodes.OK);
    RawLog log = original.copy();
    rewriteOutcome(log, VICTIM, "Night shift starts at 23:00");
    String rewritten = copyOf(log, "audit-rewritten");

    AuditCli.Result plain = verify(rewritten);
    AuditCli.Result withDigest = verify(rewritten, "--digest", digest.toString());

    assertThat(plain.exitCode()).as(plain.out()).isEqualTo(ExitCodes.OK);
    assertThat(withDigest.exitCode()).isEqualTo(ExitCodes.BROKEN);
    assertThat(Found.in(withDigest.out())).extracting(Found::problem, Found::decisionId)
        .containsExactly(tuple("DIGEST_MISMATCH", null), tuple("DIGEST_MISMATCH", VICTIM));
  }

  @Test
  void aChainCutShortPassesPlainVerifyButFailsTheDigest(@TempDir Path dir) {
    String clean = copyOf(original.copy(), "audit-digested");
    Path digest = dir.resolve("digest.json");
    assertThat(digest(clean, digest).exitCode()).isEqualTo(ExitCodes.OK);
    RawLog log = original.copy();
    log.remove(log.find(VICTIM, 6));
    String cut = copyOf(log, "audit-cut");

    AuditCli.Result plain = verify(cut);
    AuditCli.Result withDigest = verify(cut, "--digest", digest.toString());

    assertThat(plain.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(withDigest.exitCode()).isEqualTo(ExitCodes.BROKEN);
    assertThat(Found.in(withDigest.out())).map(Found::problem)
        .containsExactly("DIGEST_RANGE_MISSING", "DIGEST_MISMATCH");
  }

  @Test
  void aLogThatGrewAfterTheDigestStillMatchesItUpToItsOffsets(@TempDir Path dir) {
    String prefix = copyOf(original.copy(), "audit-growing");
    Path digest = dir.resolve("digest.json");
    assertThat(digest(prefix, digest).exitCode()).isEqualTo(ExitCodes.OK);
    RawLog more = new RawLog(LogTopics.PARTITIONS);
    Place lastOfVictim = original.find(VICTIM, 6);
    DecisionEvent head = original.eventAt(lastOfVictim);
    DecisionEvent later = new HashChain().seal(DecisionEvent.newBuilder(head)
        .setEventId("e-later").setSubmissionId("s-later").setSequence(7).setPreviousHash(head.getHash())
        .setPayload(new FeedbackGiven(Perspective.EMPLOYEE, "r-99", null, 5, 5, 5, 5, null)).build());
    more.add(new RawRecord(original.at(lastOfVictim).position(), VICTIM.getBytes(StandardCharsets.UTF_8),
        RawLog.encode(later)));
    topics.writeCopy(prefix, more);

    AuditCli.Result result = verify(prefix, "--digest", digest.toString());

    assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCodes.OK);
  }

  private AuditCli.Result verify(String prefix, String... more) {
    List<String> args = new ArrayList<>(List.of("--bootstrap-servers", env.bootstrapServers(),
        "--topic-prefix", prefix, "--format", "json", "--quiet"));
    args.addAll(List.of(more));
    return AuditCli.run(new VerifyCommand(), args.toArray(String[]::new));
  }

  private AuditCli.Result digest(String prefix, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("--bootstrap-servers", env.bootstrapServers(),
        "--topic-prefix", prefix, "--out", out.toString(), "--quiet"));
    args.addAll(List.of(more));
    return AuditCli.run(new DigestCommand(), args.toArray(String[]::new));
  }

  private String copyOf(RawLog log, String base) {
    String prefix = topics.freshPrefix(base);
    topics.writeCopy(prefix, log);
    return prefix;
  }

  private static String prefixOf(RawLog log) {
    String topic = log.partitions().get(0).get(0).position().topic();
    return topic.substring(0, topic.length() - KoersTopics.EVENTS.length());
  }

  /** Changes the outcome of the decision's DecisionMade and re-seals it and every later event: a valid chain. */
  private static void rewriteOutcome(RawLog log, String decisionId, String outcome) {
    long last = log.lastSequence(decisionId);
    DecisionEvent previous = null;
    for (long sequence = 1; sequence <= last; sequence++) {
      Place place = log.find(decisionId, sequence);
      DecisionEvent event = log.eventAt(place);
      if (event.getPayload() instanceof DecisionMade made) {
        made.setOutcome(outcome);
        event = new HashChain().seal(event);
      } else if (previous != null && !previous.getHash().equals(event.getPreviousHash())) {
        event = new HashChain().seal(DecisionEvent.newBuilder(event).setPreviousHash(previous.getHash()).build());
      }
      log.replace(place, RawLog.encode(event));
      previous = event;
    }
  }

  private static Place findAfter(RawLog log, int index, long sequence) {
    Place first = log.find(VICTIM, sequence);
    List<RawRecord> records = log.partitions().get(first.partition());
    for (int i = index + 1; i < records.size(); i++) {
      DecisionEvent event = RawLog.event(records.get(i));
      if (event.getDecisionId().equals(VICTIM) && event.getSequence() == sequence) {
        return new Place(first.partition(), i);
      }
    }
    throw new IllegalStateException("no later #" + sequence);
  }

  private static int indexOf(byte[] value, String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + needle.length <= value.length; i++) {
      if (Arrays.equals(value, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no '" + text + "' in the record");
  }
}
