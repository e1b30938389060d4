package dev.koers.api;

import dev.koers.domain.Rule;
import dev.koers.schema.Rejected;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a rejection tells a caller who may not read the decision (a stakeholder): the rules about its own
 * request, by name, and otherwise one answer that looks the same whatever the decision's state, with no
 * sequence, so that a rejected feedback reveals no more than an accepted one would. The log keeps the reason.
 */
final class OutsiderRejections {

  /** Rules that judge the request alone; anything else (existence, status, times of the decision) is hidden. */
  private static final Set<Rule> ABOUT_THE_REQUEST = EnumSet.of(Rule.ROLE_NOT_ALLOWED, Rule.RESPONDENT_MISMATCH,
      Rule.DECISION_ID_INVALID, Rule.TITLE_LENGTH, Rule.FIELD_REQUIRED, Rule.LABEL_REQUIRED, Rule.TEXT_TOO_LONG,
      Rule.FEEDBACK_WITHOUT_RATING, Rule.RATING_OUT_OF_RANGE, Rule.OCCURS_IN_FUTURE, Rule.DUE_BEFORE_OPENING,
      Rule.INSTANT_OUT_OF_RANGE, Rule.CHARACTER_NOT_ALLOWED, Rule.IDEMPOTENCY_KEY_IN_USE, Rule.IDEMPOTENCY_KEY_REUSED,
      Rule.SUBMISSION_NOT_PROVEN);

  static final String NOT_TAKEN = "urn:koers:problem:not-taken";

  private OutsiderRejections() {}

  static Problem problem(Rule rule, Rejected rejected) {
    if (rule != null && ABOUT_THE_REQUEST.contains(rule)) {
      return Problem.rule(rule.httpStatus(), rule.title(), rule.name(), rejected.getMessage(), null);
    }
    return new Problem(NOT_TAKEN, "Not taken", 409, "this decision does not take this submission now: it may "
        + "not exist, not be decided yet, be closed, or be dated before it was decided", null, null, null, null);
  }
}
