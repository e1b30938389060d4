package dev.koers.domain;

import dev.koers.schema.command.OpenDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The two-clock rules: nothing occurs in the future (beyond the allowed clock skew), nothing before the
 * opening, nothing that needs a made decision before it was made, and no due date before the opening.
 */
final class TimeCheck implements RuleCheck {

  private final Duration allowedClockSkew;

  TimeCheck(Duration allowedClockSkew) {
    this.allowedClockSkew = allowedClockSkew;
  }

  @Override
  public Optional<Verdict.Reject> check(Attempt attempt) {
    return notInFuture(attempt)
        .or(() -> notBeforeOpening(attempt))
        .or(() -> notBeforeDecision(attempt))
        .or(() -> dueNotBeforeOpening(attempt));
  }

  private Optional<Verdict.Reject> notInFuture(Attempt attempt) {
    Instant latest = attempt.now().plus(allowedClockSkew);
    if (!attempt.occurredAt().isAfter(latest)) {
      return Optional.empty();
    }
    return Optional.of(attempt.reject(Rule.OCCURS_IN_FUTURE, "occurredAt " + attempt.occurredAt()
        + " is in the future: the log's clock says " + attempt.now() + " and allows "
        + allowedClockSkew.toSeconds() + " s of clock skew"));
  }

  private static Optional<Verdict.Reject> notBeforeOpening(Attempt attempt) {
    if (attempt.state() == null || !attempt.occurredAt().isBefore(attempt.state().openedAt())) {
      return Optional.empty();
    }
    return Optional.of(attempt.reject(Rule.OCCURS_BEFORE_OPENING, "occurredAt " + attempt.occurredAt()
        + " is before decision " + attempt.decisionId() + " was opened (" + attempt.state().openedAt() + ")"));
  }

  /** Communication, revision and feedback all need the decision made, so none can predate it. */
  private static Optional<Verdict.Reject> notBeforeDecision(Attempt attempt) {
    Instant decidedAt = attempt.state() == null ? null : attempt.state().decidedAt();
    boolean needsDecision = attempt.kind().requiredStatus() == DecisionStatus.DECIDED;
    if (!needsDecision || decidedAt == null || !attempt.occurredAt().isBefore(decidedAt)) {
      return Optional.empty();
    }
    return Optional.of(attempt.reject(Rule.OCCURS_BEFORE_DECISION, "occurredAt " + attempt.occurredAt()
        + " is before decision " + attempt.decisionId() + " was decided (" + decidedAt + "); you cannot "
        + attempt.kind().verb() + " it before then"));
  }

  private static Optional<Verdict.Reject> dueNotBeforeOpening(Attempt attempt) {
    if (!(attempt.command() instanceof OpenDecision open) || open.getDueBy() == null) {
      return Optional.empty();
    }
    Instant dueBy = Millis.of(open.getDueBy());
    if (!dueBy.isBefore(attempt.occurredAt())) {
      return Optional.empty();
    }
    return Optional.of(attempt.reject(Rule.DUE_BEFORE_OPENING, "dueBy " + dueBy
        + " is before the opening (" + attempt.occurredAt() + "); it may equal the opening but not precede it"));
  }
}
