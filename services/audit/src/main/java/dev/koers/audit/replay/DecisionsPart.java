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
  /** Each rebuilt decision, and the facts behind its per-decision metrics, by decision id. */
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

  /**
   * The decision documents sorted by id, rendered as they are written (a chunk at a time, on every core), each a
   * pure function of its decision's view and facts.
   */
  @Override
  public DecisionDocuments<String> result() {
    return new DecisionDocuments<>(sorted(), this::document);
  }

  private ObjectNode document(String id) {
    return ViewJson.decision(ViewRecords.decision(views.get(id), DecisionMetrics.of(facts.get(id), anonymity)));
  }

  /** The rebuilt decisions behind the documents, sorted by id. */
  public List<DecisionView> views() {
    return sorted().stream().map(views::get).toList();
  }

  private List<String> sorted() {
    return views.keySet().stream().sorted(MerkleTree.LEAF_ORDER).toList();
  }
}
