package dev.koers.domain;

import dev.koers.schema.DecisionEvent;
import java.time.Instant;
import java.util.List;

/**
 * Which of a decision's events the log knew at a moment: its events in log order up to the first one recorded
 * ({@code recordedAt}) after that moment. A prefix, so the chain stays whole even if the ledger's clock ever stepped
 * back: the log could not have known a later event without the one before it. The API's as-of query
 * ({@code DecisionAsOf}) and the audit's replay both cut here.
 *
 * @param asOf the moment; null for no cut (everything the log holds)
 */
public record AsOfCut(Instant asOf) {

  /** No cut: every event. */
  public static final AsOfCut NONE = new AsOfCut(null);

  /**
   * Whether an event recorded then lies within the cut, given that the decision's events before it did. A reader
   * stops the decision at its first event for which this is false, and takes none after it.
   */
  public boolean knew(Instant recordedAt) {
    return asOf == null || !recordedAt.isAfter(asOf);
  }

  /** {@link #knew(Instant)} of the event's {@code recordedAt}. */
  public boolean knew(DecisionEvent event) {
    return knew(event.getRecordedAt());
  }

  /** The events of one decision, in log order, that lie within the cut. */
  public List<DecisionEvent> of(List<DecisionEvent> log) {
    return log.stream().takeWhile(this::knew).toList();
  }
}
