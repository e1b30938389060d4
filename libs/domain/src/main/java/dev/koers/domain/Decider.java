package dev.koers.domain;

import dev.koers.schema.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether one submission may be appended to a decision's log. Pure: the same state, submission and
 * {@code now} always give the same verdict.
 *
 * <p>The rules run in a fixed order and the first that fails is the one reported: existence, then the
 * expected sequence, then authorization, then the decision's status, then the command's fields, then the
 * time rules, then the limits on a decision's hearings and revisions. docs/rules.md lists every rule.
 */
public final class Decider {

  private final Duration allowedClockSkew;
  private final List<RuleCheck> checks;

  /** @param allowedClockSkew how far past {@code now} an {@code occurredAt} may lie (submitters' clocks drift) */
  public Decider(Duration allowedClockSkew) {
    Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
    if (allowedClockSkew.isNegative()) {
      throw new IllegalArgumentException("allowedClockSkew must not be negative: " + allowedClockSkew);
    }
    this.allowedClockSkew = allowedClockSkew;
    this.checks = List.of(
        new ExistenceCheck(),
        new SequenceCheck(),
        new AuthorizationCheck(),
        new StatusCheck(),
        new FieldCheck(),
        new TimeCheck(allowedClockSkew),
        new LimitCheck());
  }

  /**
   * @param state the decision's current state; null when the decision does not exist
   * @param submission the command with its envelope; its decision id must be the state's
   * @param now the log's clock, against which "in the future" is judged
   * @return an {@link Verdict.Accept} with the event payload, or the {@link Verdict.Reject} of the first
   *     rule that failed
   * @throws IllegalArgumentException when the state belongs to another decision (a caller's bug)
   */
  public Verdict decide(DecisionState state, Submission submission, Instant now) {
    Attempt attempt = Attempt.of(state, submission, now);
    for (RuleCheck check : checks) {
      Optional<Verdict.Reject> rejection = check.check(attempt);
      if (rejection.isPresent()) {
        return rejection.get();
      }
    }
    return new Verdict.Accept(EventPayloads.of(attempt.command()));
  }

  public Duration allowedClockSkew() {
    return allowedClockSkew;
  }
}
