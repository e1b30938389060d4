package dev.koers.domain;

import java.util.Optional;

/** A decision takes at most {@link DecisionLimits#MAX_HEARINGS} hearings and as many revisions as allowed. */
final class LimitCheck implements RuleCheck {

  @Override
  public Optional<Verdict.Reject> check(Attempt attempt) {
    DecisionState state = attempt.state();
    if (attempt.kind() == CommandKind.HEAR && state.hearings() >= DecisionLimits.MAX_HEARINGS) {
      return Optional.of(attempt.reject(Rule.TOO_MANY_HEARINGS, "decision " + attempt.decisionId() + " has "
          + state.hearings() + " hearings, the most one decision takes"));
    }
    if (attempt.kind() == CommandKind.REVISE && state.revisions() >= DecisionLimits.MAX_REVISIONS) {
      return Optional.of(attempt.reject(Rule.TOO_MANY_REVISIONS, "decision " + attempt.decisionId() + " has "
          + state.revisions() + " revisions, the most one decision takes; open a new decision instead"));
    }
    return Optional.empty();
  }
}
