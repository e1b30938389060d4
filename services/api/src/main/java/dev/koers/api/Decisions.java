package dev.koers.api;

import dev.koers.domain.view.DecisionView;
import java.util.Optional;

/** Where the API finds a decision's current state (the views' store, or another instance that owns it). */
@FunctionalInterface
public interface Decisions {

  Optional<DecisionView> find(String decisionId);
}
