package dev.koers.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.DecisionEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import dev.koers.domain.view.DecisionAsOf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The views' fold over a decision kept in parts (facts without feedback, a tally, one entry per respondent)
 * agrees with folding the whole facts, event by event: the same facts, feedback, metrics and net changes.
 */
class SplitFactsFoldProperties {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {20_261_231L, 1, 2, 3})
  void every_event_gives_the_same_facts_metrics_and_changes_as_the_whole_fold(long seed) {
    List<DecisionEvent> log = RandomLog.generate(seed, 3_000, 8, 12);
    DecisionFactsFold whole = new DecisionFactsFold();
    SplitFactsFold split = new SplitFactsFold();
    Map<String, DecisionFacts> wholeFacts = new HashMap<>();
    Map<String, SplitFacts> splitFacts = new HashMap<>();
    Map<String, Map<String, FeedbackFact>> entries = new HashMap<>();

    for (DecisionEvent event : log) {
      String id = event.getDecisionId();
      DecisionFacts before = wholeFacts.get(id);
      DecisionFacts after = whole.apply(before, event);
      wholeFacts.put(id, after);
      Map<String, FeedbackFact> own = entries.computeIfAbsent(id, k -> new TreeMap<>());
      SplitFactsFold.Step step = split.apply(splitFacts.get(id), event, entriesOf(own));
      // Kept as the stores keep it, as JSON, between events.
      splitFacts.put(id, StoreJson.roundTrip(step.facts(), SplitFacts.class));

      assertThat(step.changes()).as("changes of %s #%s", id, event.getSequence())
          .isEqualTo(Contributions.changes(before, after));
      assertThat(own).isEqualTo(after.feedback());
      assertThat(step.facts().facts()).isEqualTo(withoutFeedback(after));
      for (Anonymity anonymity : List.of(Anonymity.DEFAULT, new Anonymity(1))) {
        assertThat(DecisionMetrics.of(step.facts(), anonymity)).isEqualTo(DecisionMetrics.of(after, anonymity));
      }
    }
  }

  @Test
  void the_as_of_query_folds_to_the_same_metrics_as_the_whole_fold() {
    List<DecisionEvent> log = RandomLog.generate(5, 1_500, 4, 4);
    Map<String, List<DecisionEvent>> byDecision = new TreeMap<>();
    log.forEach(e -> byDecision.computeIfAbsent(e.getDecisionId(), id -> new java.util.ArrayList<>()).add(e));
    SortedMap<String, DecisionFacts> whole = MetricsReplay.fold(log);

    byDecision.forEach((id, history) -> assertThat(
        DecisionMetrics.of(DecisionAsOf.rebuild(history, null).facts(), Anonymity.DEFAULT))
        .as(id).isEqualTo(DecisionMetrics.of(whole.get(id), Anonymity.DEFAULT)));
  }

  @Test
  void a_redelivered_feedback_changes_nothing() {
    List<DecisionEvent> log = RandomLog.generate(7, 400, 3, 3);
    SplitFactsFold split = new SplitFactsFold();
    Map<String, SplitFacts> facts = new HashMap<>();
    Map<String, FeedbackFact> own = new TreeMap<>();
    DecisionEvent lastFeedback = null;
    for (DecisionEvent event : log) {
      if (event.getDecisionId().equals(log.get(0).getDecisionId())) {
        facts.put(event.getDecisionId(), split.apply(facts.get(event.getDecisionId()), event, entriesOf(own)).facts());
        if (event.getPayload() instanceof dev.koers.schema.event.FeedbackGiven) {
          lastFeedback = event;
        }
      }
    }
    Map<String, FeedbackFact> kept = new TreeMap<>(own);
    SplitFacts current = facts.get(log.get(0).getDecisionId());

    assertThat(lastFeedback).as("the first decision got feedback").isNotNull();
    SplitFactsFold.Step again = split.apply(current, lastFeedback, entriesOf(own));
    assertThat(again.changes()).isEmpty();
    assertThat(again.facts()).isEqualTo(current);
    assertThat(own).isEqualTo(kept);
  }

  private static SplitFactsFold.FeedbackEntries entriesOf(Map<String, FeedbackFact> map) {
    return SplitFactsFold.FeedbackEntries.in(map);
  }

  private static DecisionFacts withoutFeedback(DecisionFacts f) {
    return new DecisionFacts(f.decisionId(), f.sequence(), f.unit(), f.managerId(), f.activityGroup(), f.openedAt(),
        f.dueBy(), f.decidedAt(), f.firstCommunicatedAt(), f.withdrawnAt(), f.revisions(), f.hearings(), null);
  }
}
