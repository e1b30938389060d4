package dev.koers.domain;

import dev.koers.schema.Actor;
import dev.koers.schema.Submission;
import java.time.Instant;
import java.util.Objects;

/** One submission against the decision's current state, as every rule check sees it. */
record Attempt(DecisionState state, Submission submission, CommandKind kind, Instant now) {

  static Attempt of(DecisionState state, Submission submission, Instant now) {
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(now, "now");
    if (state != null && !state.decisionId().equals(submission.getDecisionId())) {
      // The caller looked up the wrong state: a bug, not a rule a submitter can break.
      throw new IllegalArgumentException("state of " + state.decisionId() + " given for a submission to "
          + submission.getDecisionId());
    }
    return new Attempt(state, submission, CommandKind.of(submission.getCommand()), now);
  }

  Object command() {
    return submission.getCommand();
  }

  Actor actor() {
    return submission.getActor();
  }

  String decisionId() {
    return submission.getDecisionId();
  }

  /** When it happened, at the log's precision; null only when the submission lacks it. */
  Instant occurredAt() {
    return Millis.of(submission.getOccurredAt());
  }

  /** The decision's sequence; 0 while it does not exist. */
  long currentSequence() {
    return state == null ? 0 : state.sequence();
  }

  Verdict.Reject reject(Rule rule, String message) {
    return new Verdict.Reject(rule, message);
  }
}
