package dev.koers.views;

import dev.koers.domain.metrics.Contribution;
import dev.koers.schema.view.DecisionSummary;

/**
 * What one event changes in the views: the decision's summary, and its contributions to the aggregates; or a
 * record the quarantine sends to the dead-letter topic as it was read (its headers travel with the record).
 */
sealed interface ViewChange {

  record DecisionChanged(DecisionSummary summary) implements ViewChange {}

  record MetricsChanged(Contribution contribution) implements ViewChange {}

  record DeadLettered(byte[] key, byte[] value) implements ViewChange {}
}
