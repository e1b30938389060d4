package dev.koers.api;

import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** What the API asks of the views: this instance's stores, and which instance owns what. */
public interface ViewAccess {

  /** The {@code host:port} of the instance owning the key, or empty when it is this one. */
  Optional<String> remoteOwner(String key);

  /** {@code host:port} of every other instance holding part of the views. */
  List<String> otherInstances();

  Optional<DecisionView> decision(String decisionId);

  Optional<List<DecisionEvent>> history(String decisionId);

  List<DecisionView> page(Predicate<DecisionView> filter, String afterId, int limit);
}
