package dev.koers.audit.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.audit.digest.MerkleTree;
import dev.koers.documents.ViewJson;
import dev.koers.documents.ViewRecords;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.DecisionFacts;
import dev.koers.domain.metrics.DecisionFactsFold;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds every selected decision with the views' own folds and renders it as the decision document that
 * {@code GET /api/v1/decisions/{id}} answers, so a replay and the live API can be compared field by field.
 */
public final class DecisionsPart implements ReplayPart {

  private final DecisionProjector projector = new DecisionProjector();
  private final DecisionFactsFold fold = new DecisionFactsFold();
  private final Map<String, DecisionView> views = new HashMap<>();
  private final Map<String, DecisionFacts> facts = new HashMap<>();
  private final Anonymity anonymity;

  public DecisionsPart(Anonymity anonymity) {
    this.anonymity = anonymity;
  }

  @Override
  public String name() {
    return "decisions";
  }

  @Override
  public void accept(DecisionEvent event) {
    String id = event.getDecisionId();
    views.put(id, projector.apply(views.get(id), event));
    facts.put(id, fold.apply(facts.get(id), event));
  }

  /** The decision documents sorted by id. */
  @Override
  public List<ObjectNode> result() {
    return views().stream()
        .map(v -> ViewJson.decision(ViewRecords.decision(v, DecisionMetrics.of(facts.get(v.decisionId()), anonymity))))
        .toList();
  }

  /** The rebuilt decisions behind the documents, sorted by id. */
  public List<DecisionView> views() {
    return views.values().stream()
        .sorted((a, b) -> MerkleTree.LEAF_ORDER.compare(a.decisionId(), b.decisionId()))
        .toList();
  }
}
