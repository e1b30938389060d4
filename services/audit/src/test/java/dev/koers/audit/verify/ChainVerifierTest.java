package dev.koers.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.koers.audit.log.RawRecord;
import dev.koers.audit.log.RecordPosition;
import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LedgerRun;
import dev.koers.audit.testing.Records;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.event.DecisionMade;
import dev.koers.schema.event.DecisionWithdrawn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain checks on records in memory: what is found, and where. */
class ChainVerifierTest {

  private final List<DecisionEvent> events = LedgerRun.events(Histories.interleaved(4));
  private final List<RawRecord> records = Records.raw(events);

  @Test
  void aLogTheLedgerWroteVerifiesClean() {
    assertThat(verify(records)).isEmpty();
  }

  @Test
  void flippingAnyBitOfAnyByteOfARecordIsFoundAtThatRecord() {
    int victim = 9;
    byte[] original = records.get(victim).value();
    for (int i = 0; i < original.length; i++) {
      for (int bit = 0; bit < 8; bit += 3) {
        byte[] value = original.clone();
        value[i] ^= (byte) (1 << bit);
        List<RawRecord> tampered = new ArrayList<>(records);
        tampered.set(victim, Records.withValue(records.get(victim), value));

        List<Finding> found = verify(tampered);

        assertThat(found).as("byte %d bit %d", i, bit).isNotEmpty();
        assertThat(found.get(0).position().offset()).as("byte %d bit %d", i, bit).isEqualTo(victim);
      }
    }
  }

  @Test
  void aKeyThatIsNotTheDecisionId() {
    RawRecord r = records.get(3);
    List<RawRecord> tampered = new ArrayList<>(records);
    tampered.set(3, new RawRecord(r.position(), "another".getBytes(StandardCharsets.UTF_8), r.value()));

    assertThat(verify(tampered)).extracting(Finding::problem).containsExactly(Problem.KEY_MISMATCH);
  }

  @Test
  void aDecisionSpreadOverTwoPartitions() {
    List<RawRecord> moved = new ArrayList<>(records);
    DecisionEvent event = events.get(10);
    moved.set(10, Records.raw(event, 2, 10));

    assertThat(verify(moved)).extracting(Finding::problem, Finding::decisionId)
        .containsExactly(tuple(Problem.WRONG_PARTITION, event.getDecisionId()));
  }

  @Test
  void aChainWhoseOpeningIsMissingIsReportedOnceForTheDecision() {
    List<RawRecord> withoutOpening = new ArrayList<>(records);
    withoutOpening.remove(0);

    List<Finding> found = verify(withoutOpening);

    assertThat(found).filteredOn(f -> f.problem() == Problem.OPENING_MISSING).hasSize(1)
        .allSatisfy(f -> assertThat(f.decisionId()).isEqualTo("d-000"));
    assertThat(found).extracting(Finding::decisionId).containsOnly("d-000");
  }

  @Test
  void aValidlyLinkedAndHashedEventTheRulesForbidIsAnInvalidTransition() {
    DecisionEvent withdrawn = events.stream()
        .filter(e -> e.getDecisionId().equals("d-003") && e.getPayload() instanceof DecisionWithdrawn)
        .findFirst().orElseThrow();
    DecisionEvent decidedAfterWithdrawal = new HashChain().seal(DecisionEvent.newBuilder(withdrawn)
        .setEventId("e-late").setSequence(withdrawn.getSequence() + 1).setPreviousHash(withdrawn.getHash())
        .setPayload(new DecisionMade("too late", null, false)).build());
    List<RawRecord> log = new ArrayList<>(records);
    log.add(Records.raw(decidedAfterWithdrawal, 0, log.size()));

    List<Finding> found = verify(log);

    assertThat(found).extracting(Finding::problem).containsExactly(Problem.INVALID_TRANSITION);
    assertThat(found.get(0).detail()).contains("WITHDRAWN");
    assertThat(found.get(0).sequence()).isEqualTo(withdrawn.getSequence() + 1);
  }

  @Test
  void anUnreadableRecordIsReportedUnderItsKey() {
    List<RawRecord> log = new ArrayList<>(records);
    log.set(5, Records.withValue(records.get(5), new byte[] {1, 2, 3}));

    List<Finding> found = verify(log);

    assertThat(found.get(0).problem()).isEqualTo(Problem.UNDECODABLE);
    assertThat(found.get(0).decisionId()).isEqualTo(events.get(5).getDecisionId());
    assertThat(found.get(0).sequence()).isNull();
  }

  @Test
  void aFindingReadsAsOneLineWithEveryPlace() {
    Finding finding = new Finding(Problem.LINK_BROKEN, "d-1", 4L,
        new RecordPosition("koers.decision.events", 2, 17), "previousHash differs");

    assertThat(finding.toLine()).isEqualTo("LINK_BROKEN decision=d-1 sequence=4 topic=koers.decision.events "
        + "partition=2 offset=17: previousHash differs");
  }

  private static List<Finding> verify(List<RawRecord> log) {
    Findings findings = new Findings();
    Records.feed(log, new ChainVerifier(findings));
    return findings.all();
  }
}
