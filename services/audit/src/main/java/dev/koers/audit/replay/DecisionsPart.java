package dev.koers.audit.replay;

import dev.koers.audit.digest.MerkleTree;
import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rebuilds every selected decision with the views' own {@link DecisionProjector}. */
public final class DecisionsPart implements ReplayPart {

  private final DecisionProjector projector = new DecisionProjector();
  private final Map<String, DecisionView> views = new HashMap<>();

  @Override
  public String name() {
    return "decisions";
  }

  @Override
  public void accept(DecisionEvent event) {
    String id = event.getDecisionId();
    views.put(id, projector.apply(views.get(id), event));
  }

  /** The decisions sorted by id. */
  @Override
  public List<DecisionView> result() {
    return views.values().stream().sorted((a, b) -> MerkleTree.LEAF_ORDER.compare(a.decisionId(), b.decisionId()))
        .toList();
  }
}
