package dev.koers.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The ledger's view of one decision: exactly what the rules need, nothing the views compute.
 *
 * <p>A plain record so that a store can keep it as JSON (instants as ISO strings, with Jackson's
 * JavaTimeModule). It is only ever built by {@link Evolver} from the log.
 *
 * @param decisionId the decision's id
 * @param status where the decision is in its life
 * @param sequence the sequence number of the decision's last event (1 after the opening)
 * @param lastHash the hash of the last event, lowercase hex of 32 bytes
 * @param openedAt {@code occurredAt} of the opening
 * @param decidedAt {@code occurredAt} of the first {@code DecisionMade}; null until then; a revision
 *     does not change it
 * @param managerId the owning manager
 * @param unit the decision's unit
 * @param dueBy the due date given at the opening, or null
 * @param hearings how many perspectives were heard ({@link DecisionLimits#MAX_HEARINGS}); a state stored before
 *     this count existed reads 0 and counts from its next event on
 * @param revisions how many revisions were made ({@link DecisionLimits#MAX_REVISIONS}); likewise
 */
public record DecisionState(
    String decisionId,
    DecisionStatus status,
    long sequence,
    String lastHash,
    Instant openedAt,
    Instant decidedAt,
    String managerId,
    String unit,
    Instant dueBy,
    int hearings,
    int revisions) {

  public DecisionState {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastHash, "lastHash");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(managerId, "managerId");
    Objects.requireNonNull(unit, "unit");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be 1 or more, was " + sequence);
    }
  }
}
