package dev.koers.domain;

import java.util.Optional;

/** An opening needs a new id; every other command needs an existing decision. */
final class ExistenceCheck implements RuleCheck {

  @Override
  public Optional<Verdict.Reject> check(Attempt attempt) {
    boolean opening = attempt.kind() == CommandKind.OPEN;
    if (opening && attempt.state() != null) {
      return Optional.of(attempt.reject(Rule.DECISION_ALREADY_EXISTS, "decision " + attempt.decisionId()
          + " already exists (it is " + attempt.state().status() + "); open a new decision with another id"));
    }
    if (!opening && attempt.state() == null) {
      return Optional.of(attempt.reject(Rule.DECISION_NOT_FOUND, "decision " + attempt.decisionId()
          + " does not exist; it must be opened before you can " + attempt.kind().verb() + " it"));
    }
    return Optional.empty();
  }
}
