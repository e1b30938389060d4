package dev.koers.bench.hotpaths;

import dev.koers.domain.metrics.Contribution;
import dev.koers.domain.metrics.FeedbackFact;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.metrics.SplitAggregates;
import dev.koers.domain.metrics.SplitFacts;
import dev.koers.domain.metrics.SplitFactsFold;
import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A log folded as the views fold it (services/views: DecisionProcessor, then MetricsAggregator), with maps in
 * place of the state stores, keeping what each step read: the inputs of the views' hot paths. Each input holds
 * the entries its step read from the stores (a respondent's feedback, an aggregate's respondent counts), so a
 * benchmark replays the step alone, against the same store contents.
 */
final class FoldedLog {

  /** One event for the decision processor, with the stored view and facts it met. */
  record DecisionInput(DecisionView view, SplitFacts facts, DecisionEvent event, Map<String, FeedbackFact> feedback) {}

  /** The decision's view and facts after an event: what its summary is made of. */
  record DecisionResult(DecisionView view, SplitFacts facts) {}

  /** One net change for the metrics aggregator, with the stored aggregate and respondent counts it met. */
  record MetricsInput(String key, MetricsAggregate stored, MetricsAggregate delta, Map<String, Long> respondents) {}

  /** An aggregate after a change: what its document is made of. */
  record MetricsResult(String key, MetricsAggregate aggregate) {}

  private final DecisionProjector projector = new DecisionProjector();
  private final SplitFactsFold fold = new SplitFactsFold();
  private final Map<String, DecisionView> views = new HashMap<>();
  private final Map<String, SplitFacts> facts = new HashMap<>();
  private final Map<String, FeedbackFact> feedback = new HashMap<>();
  private final Map<String, MetricsAggregate> aggregates = new HashMap<>();
  private final Map<String, Long> respondents = new HashMap<>();
  private final List<DecisionInput> decisionInputs = new ArrayList<>();
  private final List<DecisionResult> decisionResults = new ArrayList<>();
  private final List<MetricsInput> metricsInputs = new ArrayList<>();
  private final List<MetricsResult> metricsResults = new ArrayList<>();

  private FoldedLog() {}

  static FoldedLog of(List<DecisionEvent> events) {
    FoldedLog log = new FoldedLog();
    events.forEach(log::fold);
    return log;
  }

  /** The key of one respondent's entry in an aggregate's group, in both the live map and a step's snapshot. */
  static String respondentKey(String group, String respondentId) {
    return group + '\u0000' + respondentId;
  }

  private void fold(DecisionEvent event) {
    String id = event.getDecisionId();
    DecisionView viewBefore = views.get(id);
    SplitFacts factsBefore = facts.get(id);
    Map<String, FeedbackFact> feedbackRead = new HashMap<>();
    DecisionView view = projector.apply(viewBefore, event);
    SplitFactsFold.Step step = fold.apply(factsBefore, event, new SplitFactsFold.FeedbackEntries() {
      @Override
      public FeedbackFact current(String respondentId) {
        FeedbackFact current = feedback.get(id + '\u0000' + respondentId);
        feedbackRead.putIfAbsent(respondentId, current);
        return current;
      }

      @Override
      public void replace(String respondentId, FeedbackFact given) {
        feedback.put(id + '\u0000' + respondentId, given);
      }
    });
    decisionInputs.add(new DecisionInput(viewBefore, factsBefore, event, feedbackRead));
    decisionResults.add(new DecisionResult(view, step.facts()));
    views.put(id, view);
    facts.put(id, step.facts());
    step.changes().forEach(this::aggregate);
  }

  private void aggregate(Contribution change) {
    String key = change.key().asString();
    MetricsAggregate stored = aggregates.getOrDefault(key, MetricsAggregate.ZERO);
    Map<String, Long> read = new HashMap<>();
    MetricsAggregate after = SplitAggregates.plus(stored, change.delta(), new SplitAggregates.RespondentEntries() {
      @Override
      public long count(String group, String respondentId) {
        long count = respondents.getOrDefault(key + '\u0000' + respondentKey(group, respondentId), 0L);
        read.putIfAbsent(respondentKey(group, respondentId), count);
        return count;
      }

      @Override
      public void put(String group, String respondentId, long count) {
        respondents.put(key + '\u0000' + respondentKey(group, respondentId), count);
      }
    });
    metricsInputs.add(new MetricsInput(key, stored, change.delta(), read));
    if (after.zero()) {
      aggregates.remove(key);
    } else {
      aggregates.put(key, after);
      metricsResults.add(new MetricsResult(key, after));
    }
  }

  List<DecisionInput> decisionInputs() {
    return decisionInputs;
  }

  List<DecisionResult> decisionResults() {
    return decisionResults;
  }

  List<MetricsInput> metricsInputs() {
    return metricsInputs;
  }

  List<MetricsResult> metricsResults() {
    return metricsResults;
  }

  /** How many aggregates the log left (units and managers, all time and by ISO week). */
  int aggregates() {
    return aggregates.size();
  }
}
