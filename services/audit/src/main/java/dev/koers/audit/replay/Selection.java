package dev.koers.audit.replay;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.event.DecisionOpened;
import java.time.Instant;
import java.util.Set;

/**
 * Which decisions a replay rebuilds, judged on each decision's opening. Every criterion given must hold.
 *
 * @param decisionIds only these decisions; empty for all
 * @param unit only decisions of this unit; null for all
 * @param managerId only decisions owned by this manager; null for all
 * @param from only decisions opened ({@code occurredAt}) at or after this; null for no lower bound
 * @param to only decisions opened before this; null for no upper bound
 */
public record Selection(Set<String> decisionIds, String unit, String managerId, Instant from, Instant to) {

  public static final Selection ALL = new Selection(Set.of(), null, null, null, null);

  public Selection {
    decisionIds = decisionIds == null ? Set.of() : Set.copyOf(decisionIds);
  }

  /** Whether a decision is selected before its opening is seen (only the id is known then). */
  public boolean mayAdmit(String decisionId) {
    return decisionIds.isEmpty() || decisionIds.contains(decisionId);
  }

  /** Whether the decision that this opening event opens is selected. */
  public boolean admits(DecisionEvent opening) {
    if (!(opening.getPayload() instanceof DecisionOpened opened) || !mayAdmit(opening.getDecisionId())) {
      return false;
    }
    Instant at = opening.getOccurredAt();
    return (unit == null || unit.equals(opened.getUnit()))
        && (managerId == null || managerId.equals(opened.getManagerId()))
        && (from == null || !at.isBefore(from))
        && (to == null || at.isBefore(to));
  }
}
