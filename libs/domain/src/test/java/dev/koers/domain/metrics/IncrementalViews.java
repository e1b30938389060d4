package dev.koers.domain.metrics;

import dev.koers.schema.DecisionEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the Kafka Streams views do, without Kafka: a store of facts per decision, and aggregates kept by a
 * subtractor (the decision's old contributions) and an adder (its new ones) on every event, deleting an
 * aggregate that drops back to zero (a tombstone).
 */
final class IncrementalViews {

  private final DecisionFactsFold fold = new DecisionFactsFold();
  private final Map<String, DecisionFacts> facts = new HashMap<>();
  private final Map<AggregateKey, MetricsAggregate> aggregates = new HashMap<>();

  /** The KTable way: subtract every old contribution, add every new one. */
  void subtractOldAddNew(DecisionEvent event) {
    DecisionFacts before = facts.get(event.getDecisionId());
    DecisionFacts after = fold.apply(before, event);
    facts.put(event.getDecisionId(), after);
    for (Contribution old : Contributions.of(before)) {
      merge(old.key(), old.delta(), -1);
    }
    for (Contribution now : Contributions.of(after)) {
      merge(now.key(), now.delta(), 1);
    }
  }

  /** The delta way: add only the net changes. */
  void addChanges(DecisionEvent event) {
    DecisionFacts before = facts.get(event.getDecisionId());
    DecisionFacts after = fold.apply(before, event);
    facts.put(event.getDecisionId(), after);
    for (Contribution change : Contributions.changes(before, after)) {
      merge(change.key(), change.delta(), 1);
    }
  }

  void replaceFacts(String decisionId, DecisionFacts stored) {
    facts.put(decisionId, stored);
  }

  void replaceAggregate(AggregateKey key, MetricsAggregate stored) {
    aggregates.put(key, stored);
  }

  DecisionFacts facts(String decisionId) {
    return facts.get(decisionId);
  }

  MetricsAggregate aggregate(AggregateKey key) {
    return aggregates.get(key);
  }

  SortedMap<String, DecisionFacts> facts() {
    return new TreeMap<>(facts);
  }

  SortedMap<AggregateKey, MetricsAggregate> aggregates() {
    return new TreeMap<>(aggregates);
  }

  MetricsSnapshot snapshot() {
    return new MetricsSnapshot(facts(), aggregates());
  }

  static IncrementalViews subtractingAndAdding(List<DecisionEvent> log) {
    IncrementalViews views = new IncrementalViews();
    log.forEach(views::subtractOldAddNew);
    return views;
  }

  private void merge(AggregateKey key, MetricsAggregate delta, int sign) {
    MetricsAggregate current = aggregates.getOrDefault(key, MetricsAggregate.ZERO);
    MetricsAggregate next = sign > 0 ? current.plus(delta) : current.minus(delta);
    if (next.zero()) {
      aggregates.remove(key);
    } else {
      aggregates.put(key, next);
    }
  }
}
