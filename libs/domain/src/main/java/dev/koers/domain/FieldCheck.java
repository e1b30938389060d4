package dev.koers.domain;

import static dev.koers.domain.Fields.labelForOther;
import static dev.koers.domain.Fields.rating;
import static dev.koers.domain.Fields.required;
import static dev.koers.domain.Fields.requiredText;

import dev.koers.schema.command.CommunicateDecision;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.command.ReviseDecision;
import dev.koers.schema.command.WithdrawDecision;
import java.util.Optional;

/**
 * The fields of each command: present, well-formed, then within the bounds every reader folds
 * ({@link InputBounds}: instants, lengths, characters). The first failure wins.
 */
final class FieldCheck implements RuleCheck {

  @Override
  public Optional<Verdict.Reject> check(Attempt attempt) {
    return required("occurredAt", attempt.submission().getOccurredAt())
        .or(() -> command(attempt))
        .or(() -> InputBounds.check(attempt.submission()).map(FieldViolation::reject));
  }

  private static Optional<Verdict.Reject> command(Attempt attempt) {
    Object command = attempt.command();
    if (command instanceof OpenDecision open) {
      return opening(attempt.decisionId(), open);
    } else if (command instanceof HearPerspective hearing) {
      return hearing(hearing);
    } else if (command instanceof MakeDecision made) {
      return decision(made);
    } else if (command instanceof CommunicateDecision communication) {
      return communication(communication);
    } else if (command instanceof ReviseDecision revision) {
      return revision(revision);
    } else if (command instanceof WithdrawDecision withdrawal) {
      return withdrawal(withdrawal);
    } else if (command instanceof GiveFeedback feedback) {
      return feedback(feedback);
    }
    throw new IllegalArgumentException("not a Koers command: " + command);
  }

  private static Optional<Verdict.Reject> opening(String decisionId, OpenDecision c) {
    return Fields.decisionId(decisionId)
        .or(() -> Fields.title(c.getTitle()))
        .or(() -> requiredText("unit", c.getUnit()))
        .or(() -> requiredText("managerId", c.getManagerId()))
        .or(() -> required("activityGroup", c.getActivityGroup()));
  }

  private static Optional<Verdict.Reject> hearing(HearPerspective c) {
    return required("perspective", c.getPerspective())
        .or(() -> required("depth", c.getDepth()))
        .or(() -> labelForOther(c.getPerspective(), c.getLabel()));
  }

  private static Optional<Verdict.Reject> decision(MakeDecision c) {
    return requiredText("outcome", c.getOutcome());
  }

  private static Optional<Verdict.Reject> communication(CommunicateDecision c) {
    boolean audienceGiven = c.getAudience() != null && !c.getAudience().isEmpty()
        && c.getAudience().stream().allMatch(perspective -> perspective != null);
    Optional<Verdict.Reject> audience = audienceGiven
        ? Optional.empty()
        : Optional.of(new Verdict.Reject(Rule.FIELD_REQUIRED, "audience must name at least one perspective"));
    return audience
        .or(() -> requiredText("channel", c.getChannel()));
  }

  private static Optional<Verdict.Reject> revision(ReviseDecision c) {
    return requiredText("reason", c.getReason())
        .or(() -> requiredText("outcome", c.getOutcome()));
  }

  private static Optional<Verdict.Reject> withdrawal(WithdrawDecision c) {
    return requiredText("reason", c.getReason());
  }

  private static Optional<Verdict.Reject> feedback(GiveFeedback c) {
    return required("perspective", c.getPerspective())
        .or(() -> requiredText("respondentId", c.getRespondentId()))
        .or(() -> labelForOther(c.getPerspective(), c.getLabel()))
        .or(() -> atLeastOneRating(c))
        .or(() -> rating("clarity", c.getClarity()))
        .or(() -> rating("speed", c.getSpeed()))
        .or(() -> rating("heard", c.getHeard()))
        .or(() -> rating("addedValue", c.getAddedValue()));
  }

  private static Optional<Verdict.Reject> atLeastOneRating(GiveFeedback c) {
    if (c.getClarity() != null || c.getSpeed() != null || c.getHeard() != null || c.getAddedValue() != null) {
      return Optional.empty();
    }
    return Optional.of(new Verdict.Reject(Rule.FEEDBACK_WITHOUT_RATING,
        "feedback needs at least one rating: clarity, speed, heard or addedValue"));
  }
}
