package dev.koers.domain;

import java.util.Objects;

/**
 * One field of a submission outside its bounds: the rule it breaks, the field as the submitter named it (for
 * problem+json's {@code field}), and a message saying what would pass.
 */
public record FieldViolation(Rule rule, String field, String message) {

  public FieldViolation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  Verdict.Reject reject() {
    return new Verdict.Reject(rule, message);
  }
}
