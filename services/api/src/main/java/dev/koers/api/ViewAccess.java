package dev.koers.api;

import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.ScopeKind;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import dev.koers.views.QuarantineEntry;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** What the API asks of the views: this instance's stores, and which instance owns what. */
public interface ViewAccess {

  /** The {@code host:port} of the instance owning the decision, or empty when it is this one. */
  Optional<String> remoteOwner(String decisionId);

  /** The {@code host:port} of the instance owning a unit's or manager's metrics, or empty when it is this one. */
  Optional<String> remoteOwnerOfScope(AggregateKey key);

  /** {@code host:port} of every other instance holding part of the views. */
  List<String> otherInstances();

  /**
   * Whether {@code hostAndPort} is another instance of this application in its Streams metadata right now: the
   * only addresses a query is relayed to. None by default, so a view that does not say relays nowhere.
   */
  default boolean isInstance(String hostAndPort) {
    return false;
  }

  /** @throws dev.koers.views.DecisionQuarantined when the decision is set aside (docs/operations.md) */
  Optional<DecisionSummary> decision(String decisionId);

  /** @throws dev.koers.views.DecisionQuarantined when the decision is set aside */
  Optional<List<DecisionEvent>> history(String decisionId);

  List<DecisionSummary> page(Predicate<DecisionView> filter, String afterId, int limit);

  Optional<MetricsView> metrics(AggregateKey key);

  /** Oldest week first; empty when the scope has no weekly figures. */
  List<MetricsView> weekly(ScopeKind scope, String id);

  Anonymity anonymity();

  /** The decisions this instance has set aside, in id order. */
  List<QuarantineEntry> quarantined();
}
