package dev.koers.domain;

import java.util.Optional;

/** Hear, decide and withdraw only while OPEN; communicate, revise and feedback only once DECIDED. */
final class StatusCheck implements RuleCheck {

  @Override
  public Optional<Verdict.Reject> check(Attempt attempt) {
    DecisionStatus required = attempt.kind().requiredStatus();
    if (required == null || attempt.state().status() == required) {
      return Optional.empty();
    }
    Rule rule = required == DecisionStatus.OPEN ? Rule.DECISION_NOT_OPEN : Rule.DECISION_NOT_DECIDED;
    return Optional.of(attempt.reject(rule, "decision " + attempt.decisionId() + " is "
        + attempt.state().status() + "; " + attempt.kind().statusRule()));
  }
}
