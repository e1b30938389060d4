package dev.koers.domain;

import dev.koers.schema.Perspective;
import java.util.Optional;

/** The single-field rules, each returning the rejection it would give. Lengths count Unicode code points. */
final class Fields {

  private Fields() {}

  static Optional<Verdict.Reject> decisionId(String decisionId) {
    return InputBounds.decisionId("decisionId", decisionId).map(FieldViolation::reject);
  }

  static Optional<Verdict.Reject> title(String title) {
    return InputBounds.title(title).map(FieldViolation::reject);
  }

  static Optional<Verdict.Reject> requiredText(String field, String value) {
    return value == null || value.isBlank()
        ? reject(Rule.FIELD_REQUIRED, field + " is required and must not be blank")
        : Optional.empty();
  }

  static Optional<Verdict.Reject> required(String field, Object value) {
    return value == null ? reject(Rule.FIELD_REQUIRED, field + " is required") : Optional.empty();
  }

  /** OTHER stands for many kinds of stakeholder, so it must say which one; core perspectives may add one. */
  static Optional<Verdict.Reject> labelForOther(Perspective perspective, String label) {
    if (perspective != Perspective.OTHER || (label != null && !label.isBlank())) {
      return Optional.empty();
    }
    return reject(Rule.LABEL_REQUIRED, "perspective OTHER needs a label saying whose perspective it is"
        + " (for example 'end users' or 'supplier')");
  }

  /** Null passes: an absent rating is allowed, a present one must be on the scale. */
  static Optional<Verdict.Reject> rating(String field, Integer value) {
    return InputBounds.rating(field, value).map(FieldViolation::reject);
  }

  private static Optional<Verdict.Reject> reject(Rule rule, String message) {
    return Optional.of(new Verdict.Reject(rule, message));
  }
}
