package dev.koers.audit.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.audit.digest.MerkleTree;
import dev.koers.audit.pass.DecisionSlot;
import dev.koers.documents.ViewJson;
import dev.koers.documents.ViewRecords;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.DecisionFacts;
import dev.koers.domain.metrics.DecisionFactsFold;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds every selected decision with the views' own folds and renders it as the decision document that
 * {@code GET /api/v1/decisions/{id}} answers, so a replay and the live API can be compared field by field.
 */
public final class DecisionsPart implements ReplayPart {

  private final DecisionProjector projector = new DecisionProjector();
  private final DecisionFactsFold fold = new DecisionFactsFold();
  /** The slots holding a rebuilt decision, in the order of their first one. */
  private final List<DecisionSlot> rebuilt = new ArrayList<>();
  private final Anonymity anonymity;

  public DecisionsPart(Anonymity anonymity) {
    this.anonymity = anonymity;
  }

  @Override
  public String name() {
    return "decisions";
  }

  @Override
  public void accept(DecisionEvent event, DecisionSlot slot) {
    DecisionView view = projector.apply(slot.view, event);
    if (slot.view == null) {
      rebuilt.add(slot);
    }
    slot.view = view;
    DecisionFacts before = slot.viewFacts;
    slot.viewFacts = fold.apply(before, event);
    slot.foldedEvent = event;
    slot.foldedFrom = before;
  }

  /**
   * The decision documents sorted by id, rendered as they are written (a chunk at a time, on every core), each a
   * pure function of its slot.
   */
  @Override
  public DecisionDocuments<DecisionSlot> result() {
    return new DecisionDocuments<>(sorted(), this::document);
  }

  private ObjectNode document(DecisionSlot slot) {
    return ViewJson.decision(ViewRecords.decision(slot.view, DecisionMetrics.of(slot.viewFacts, anonymity)));
  }

  /** The rebuilt decisions behind the documents, sorted by id. */
  public List<DecisionView> views() {
    return sorted().stream().map(s -> s.view).toList();
  }

  private List<DecisionSlot> sorted() {
    return rebuilt.stream()
        .sorted((a, b) -> MerkleTree.LEAF_ORDER.compare(a.view.decisionId(), b.view.decisionId()))
        .toList();
  }
}
