package dev.koers.domain.metrics;

import dev.koers.schema.DecisionEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.ArrayList;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
   * The sum of every decision's contributions, by aggregate key. Sums are exact in any order, so every
   * piece (what makes up a decision's contributions) is added into one mutable accumulator per week, each
   * immutable aggregate is built once at the end, and each all-time aggregate is the sum of its weeks: adding
   * immutable aggregates one by one, or pairwise, copies their growing respondent sets over and over.
   */
  public static SortedMap<AggregateKey, MetricsAggregate> aggregate(Collection<DecisionFacts> decisions) {
    List<DecisionFacts> all = new ArrayList<>(decisions);
    // one part per processor, each summed alone, then the parts' sums merged: no sharing, few merges
    int parts = Math.max(1, Math.min(all.size() / 1_000, Runtime.getRuntime().availableProcessors()));
    Map<AggregateKey, MetricsAggregate.Sum> weeks = IntStream.range(0, parts).parallel()
        .mapToObj(part -> weeks(all.subList(part * all.size() / parts, (part + 1) * all.size() / parts)))
        .reduce(MetricsReplay::merge).orElseThrow();
    SortedMap<AggregateKey, MetricsAggregate> aggregates = new TreeMap<>(totals(weeks));
    Map<AggregateKey, MetricsAggregate.Sum> allTime = new HashMap<>();
    aggregates.forEach((week, sum) -> allTime.computeIfAbsent(Contributions.allTimeOf(week),
        key -> new MetricsAggregate.Sum()).add(sum));
    aggregates.putAll(totals(allTime));
    return aggregates;
  }

  /** The pieces of some decisions, summed per week. */
  private static Map<AggregateKey, MetricsAggregate.Sum> weeks(List<DecisionFacts> decisions) {
    Map<AggregateKey, MetricsAggregate.Sum> weeks = new HashMap<>();
    for (DecisionFacts decision : decisions) {
      Contributions.forEachWeekPiece(decision,
          (week, piece) -> weeks.computeIfAbsent(week, key -> new MetricsAggregate.Sum()).add(piece));
    }
    return weeks;
  }

  /** Two parts' sums: one part's total of a week is one more term of the other's. */
  private static Map<AggregateKey, MetricsAggregate.Sum> merge(Map<AggregateKey, MetricsAggregate.Sum> into,
      Map<AggregateKey, MetricsAggregate.Sum> from) {
    from.forEach((key, sum) -> into.merge(key, sum, (a, b) -> a.add(b.total())));
    return into;
  }

  /** Each sum's total, the keys in parallel. */
  private static Map<AggregateKey, MetricsAggregate> totals(Map<AggregateKey, MetricsAggregate.Sum> sums) {
    return sums.entrySet().parallelStream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().total()));
  }
}
