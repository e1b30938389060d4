package dev.koers.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LedgerRun;
import dev.koers.audit.testing.Records;
import dev.koers.audit.verify.Finding;
import dev.koers.audit.verify.Findings;
import dev.koers.audit.verify.Problem;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Selection and as-of, on records in memory. */
class ReplayTest {

  private final List<DecisionEvent> events = LedgerRun.events(Histories.interleaved(6));

  @Test
  void asOfStopsEachDecisionAtItsFirstEventRecordedLater() {
    // d-000's first three events are recorded at minutes 0, 6 and 12; its fourth at 18.
    List<DecisionEvent> outOfOrder = new ArrayList<>(events);
    Instant asOf = LedgerRun.recordedAt(12);

    List<DecisionView> views = replay(Selection.ALL, asOf, outOfOrder);

    assertThat(views).filteredOn(v -> v.decisionId().equals("d-000")).singleElement()
        .satisfies(v -> assertThat(v.head().sequence()).isEqualTo(3));
  }

  @Test
  void aLaterEventRecordedBeforeAsOfAfterOneRecordedAfterItIsNotReplayed() {
    // A ledger whose clock went back: #2 recorded after as-of, #3 before it. The log could not know #3 without #2.
    DecisionEvent opening = events.get(0);
    DecisionEvent second = DecisionEvent.newBuilder(events.get(6)).setRecordedAt(Instant.parse("2027-01-01T00:00:00Z"))
        .build();
    DecisionEvent third = events.get(12);

    List<DecisionView> views = replay(Selection.ALL, LedgerRun.recordedAt(20), List.of(opening, second, third));

    assertThat(views).singleElement().satisfies(v -> assertThat(v.head().sequence()).isEqualTo(1));
  }

  @Test
  void selectionIsJudgedOnTheOpening() {
    Selection facilitiesOfM1 = new Selection(Set.of(), Histories.FACILITIES, "m-1", null, null);

    assertThat(replay(facilitiesOfM1, null, events)).extracting(DecisionView::decisionId).containsExactly("d-000");
  }

  @Test
  void fromIsInclusiveAndToExclusive() {
    Selection window = new Selection(Set.of(), null, null, LedgerRun.recordedAt(1), LedgerRun.recordedAt(3));

    assertThat(replay(window, null, events)).extracting(DecisionView::decisionId).containsExactly("d-001", "d-002");
  }

  @Test
  void aPartThatCannotApplyAnEventIsReportedAndTheReplayGoesOn() {
    Findings findings = new Findings();
    ReplayPart failing = new ReplayPart() {
      @Override
      public String name() {
        return "failing";
      }

      @Override
      public void accept(DecisionEvent event) {
        if (event.getSequence() == 2) {
          throw new IllegalStateException("cannot");
        }
      }

      @Override
      public Object result() {
        return null;
      }
    };
    DecisionsPart decisions = new DecisionsPart(dev.koers.domain.metrics.Anonymity.DEFAULT);
    Records.feed(Records.raw(events), new Replay(Selection.ALL, null, List.of(failing, decisions), findings));

    assertThat(findings.all()).hasSize(6).extracting(Finding::problem).containsOnly(Problem.REPLAY_FAILED);
    assertThat(findings.all().get(0).detail()).isEqualTo("failing: cannot");
    assertThat(decisions.result().all()).hasSize(6);
  }

  private static List<DecisionView> replay(Selection selection, Instant asOf, List<DecisionEvent> log) {
    DecisionsPart decisions = new DecisionsPart(dev.koers.domain.metrics.Anonymity.DEFAULT);
    Records.feed(Records.raw(log), new Replay(selection, asOf, List.of(decisions), new Findings()));
    return decisions.views();
  }
}
