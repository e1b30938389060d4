package dev.koers.domain.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every metric of a log at one point: the facts of each decision and the aggregates they add up to.
 * Documents are rendered on demand, for a given anonymity threshold.
 *
 * @param facts each decision's facts, by decision id
 * @param aggregates every non-empty aggregate, by key
 */
public record MetricsSnapshot(SortedMap<String, DecisionFacts> facts,
                              SortedMap<AggregateKey, MetricsAggregate> aggregates) {

  public MetricsSnapshot {
    facts = Collections.unmodifiableSortedMap(new TreeMap<>(facts));
    aggregates = Collections.unmodifiableSortedMap(new TreeMap<>(aggregates));
  }

  /** Every decision's per-decision figures, by decision id. */
  public SortedMap<String, DecisionMetrics> decisions(Anonymity anonymity) {
    TreeMap<String, DecisionMetrics> decisions = new TreeMap<>();
    facts.forEach((id, decision) -> decisions.put(id, DecisionMetrics.of(decision, anonymity)));
    return Collections.unmodifiableSortedMap(decisions);
  }

  /** Every (scope, window) document, by key. */
  public SortedMap<AggregateKey, MetricsDocument> documents(Anonymity anonymity) {
    TreeMap<AggregateKey, MetricsDocument> documents = new TreeMap<>();
    aggregates.forEach((key, aggregate) -> documents.put(key, MetricsDocument.of(key, aggregate, anonymity)));
    return Collections.unmodifiableSortedMap(documents);
  }

  /** One document; a window where nothing counted renders as {@link MetricsAggregate#ZERO}. */
  public MetricsDocument document(AggregateKey key, Anonymity anonymity) {
    return MetricsDocument.of(key, aggregates.getOrDefault(key, MetricsAggregate.ZERO), anonymity);
  }

  /** A unit's or a manager's weekly series, oldest first. */
  public WeeklySeries weeklySeries(ScopeKind scope, String id, Anonymity anonymity) {
    TreeMap<String, MetricsAggregate> byWeek = new TreeMap<>();
    aggregates.forEach((key, aggregate) -> {
      if (key.scope() == scope && key.id().equals(id) && !key.coversAllTime()) {
        byWeek.put(key.window(), aggregate);
      }
    });
    return WeeklySeries.of(scope, id, byWeek, anonymity);
  }
}
