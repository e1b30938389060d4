package dev.koers.domain;

import java.util.Optional;

/** Optimistic concurrency: an expected sequence, when given, must be the decision's current one. */
final class SequenceCheck implements RuleCheck {

  @Override
  public Optional<Verdict.Reject> check(Attempt attempt) {
    Long expected = attempt.submission().getExpectedSequence();
    long current = attempt.currentSequence();
    if (expected == null || expected == current) {
      return Optional.empty();
    }
    String where = attempt.state() == null
        ? "does not exist yet (sequence 0)"
        : "is at sequence " + current;
    return Optional.of(attempt.reject(Rule.STALE_SEQUENCE, "decision " + attempt.decisionId() + " " + where
        + ", not at sequence " + expected + " as expected; reload it and try again"));
  }
}
