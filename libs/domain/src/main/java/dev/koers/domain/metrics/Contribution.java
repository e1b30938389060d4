package dev.koers.domain.metrics;

import java.util.Objects;

/**
 * What one decision's current state adds to one aggregate. A KTable keyed by (decision id, aggregate key)
 * holding these, grouped by {@link #key()}, aggregates with {@code plus} as the adder and {@code minus} as
 * the subtractor.
 *
 * @param key the aggregate it counts in
 * @param delta what it adds there
 */
public record Contribution(AggregateKey key, MetricsAggregate delta) {

  public Contribution {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(delta, "delta");
  }

  /** A Kafka key for the (decision, aggregate) pair, unique per decision and aggregate. */
  public String recordKey(String decisionId) {
    return decisionId + '|' + key.asString();
  }
}
