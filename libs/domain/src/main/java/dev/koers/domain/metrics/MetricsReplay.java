package dev.koers.domain.metrics;

import dev.koers.schema.DecisionEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.ArrayList;
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

  /**
   * The sum of every decision's contributions, by aggregate key. Sums are exact in any order, so they are taken
   * pairwise, as a balanced tree: an aggregate's respondent sets grow with the log, and adding one decision at
   * a time would copy them over and over (quadratic in the number of decisions).
   */
  public static SortedMap<AggregateKey, MetricsAggregate> aggregate(Collection<DecisionFacts> decisions) {
    Map<AggregateKey, List<MetricsAggregate>> deltas = decisions.parallelStream()
        .flatMap(decision -> Contributions.of(decision).stream())
        .collect(Collectors.groupingBy(Contribution::key, Collectors.mapping(Contribution::delta,
            Collectors.toList())));
    SortedMap<AggregateKey, MetricsAggregate> aggregates = new TreeMap<>();
    deltas.entrySet().parallelStream().map(e -> Map.entry(e.getKey(), pairwiseSum(e.getValue())))
        .forEachOrdered(e -> aggregates.put(e.getKey(), e.getValue()));
    return aggregates;
  }

  private static MetricsAggregate pairwiseSum(List<MetricsAggregate> terms) {
    List<MetricsAggregate> level = terms;
    while (level.size() > 1) {
      List<MetricsAggregate> up = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i + 1 < level.size(); i += 2) {
        up.add(level.get(i).plus(level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        up.add(level.get(level.size() - 1));
      }
      level = up;
    }
    return level.isEmpty() ? MetricsAggregate.ZERO : level.get(0);
  }
}
