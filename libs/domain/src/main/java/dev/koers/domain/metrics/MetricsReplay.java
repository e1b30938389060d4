package dev.koers.domain.metrics;

import dev.koers.schema.DecisionEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every metric of a whole log, with the pure core alone: fold each decision's events into its facts, then sum
 * every decision's contributions once. This is the auditor's replay and the reference the live views are
 * tested against: the views reach the same aggregates by subtracting and adding contributions on every event.
 */
public final class MetricsReplay {

  private MetricsReplay() {}

  /**
   * @param log the decision log; each decision's events in log order (decisions may interleave)
   * @throws IllegalStateException when a decision's first event is not its opening
   */
  public static MetricsSnapshot replay(Iterable<DecisionEvent> log) {
    SortedMap<String, DecisionFacts> facts = fold(log);
    return new MetricsSnapshot(facts, aggregate(facts.values()));
  }

  /** Each decision's facts after all its events, by decision id. */
  public static SortedMap<String, DecisionFacts> fold(Iterable<DecisionEvent> log) {
    DecisionFactsFold fold = new DecisionFactsFold();
    Map<String, DecisionFacts> facts = new HashMap<>();
    for (DecisionEvent event : log) {
      facts.put(event.getDecisionId(), fold.apply(facts.get(event.getDecisionId()), event));
    }
    return new TreeMap<>(facts);
  }

  /** The sum of every decision's contributions, by aggregate key. */
  public static SortedMap<AggregateKey, MetricsAggregate> aggregate(Collection<DecisionFacts> decisions) {
    SortedMap<AggregateKey, MetricsAggregate> aggregates = new TreeMap<>();
    for (DecisionFacts decision : decisions) {
      for (Contribution contribution : Contributions.of(decision)) {
        aggregates.merge(contribution.key(), contribution.delta(), MetricsAggregate::plus);
      }
    }
    return aggregates;
  }
}
