package dev.koers.audit.pass;

import dev.koers.domain.metrics.DecisionFacts;
import dev.koers.domain.view.DecisionView;

/**
 * Everything a pass keeps about one decision, in one place: the pass looks a decision up once per record and
 * hands its slot to every listener, instead of each listener looking the decision up in a map of its own (with
 * tens of thousands of decisions read in interleaved order, those lookups were most of the checking thread's
 * time: each one a few cache misses). Each field belongs to one listener; a pass has at most one listener of
 * each kind. Used by one thread at a time.
 */
public final class DecisionSlot {

  private final String decisionId;

  /** {@code ChainVerifier}'s cursor for the decision's chain. */
  public Object chain;

  /** {@code HeadCollector}'s cursor for the decision's head below the digest's end offsets. */
  public Object head;

  /** {@code Replay}: whether the decision's events still go to the replay's parts; null before its first event. */
  public Boolean feeding;

  /** {@code DecisionsPart}: the rebuilt decision and the facts behind its per-decision metrics. */
  public DecisionView view;

  public DecisionFacts viewFacts;

  /**
   * {@code DecisionsPart}'s last fold: the event and the facts it folded it into (giving {@link #viewFacts}).
   * The fold is pure, so {@code MetricsPart}, folding the same event into the same facts, takes the result.
   */
  public Object foldedEvent;

  public DecisionFacts foldedFrom;

  /** {@code MetricsPart}: the decision's facts for the metric core. */
  public DecisionFacts metricFacts;

  public DecisionSlot(String decisionId) {
    this.decisionId = decisionId;
  }

  public String decisionId() {
    return decisionId;
  }
}
