package dev.koers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.koers.domain.FieldViolation;

/**
 * An RFC 9457 problem document. {@code rule} names the ledger rule that failed, {@code field} the request field
 * that was wrong, {@code sequence} the decision's current sequence where one exists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String rule,
                      String field, Long sequence) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem badRequest(String field, String detail) {
    return new Problem("urn:koers:problem:bad-request", "Bad request", 400, detail, null, null, field, null);
  }

  public static Problem rule(int status, String title, String rule, String detail, Long sequence) {
    return new Problem("urn:koers:rule:" + rule, title, status, detail, null, rule, null, sequence);
  }

  /** A field outside the bounds every reader folds: the rule the ledger would name, and the field. */
  public static Problem violation(FieldViolation violation) {
    return new Problem("urn:koers:rule:" + violation.rule().name(), violation.rule().title(),
        violation.rule().httpStatus(), violation.message(), null, violation.rule().name(), violation.field(), null);
  }

  /** A request body that is not application/json. */
  public static Problem unsupportedMediaType(String detail) {
    return new Problem("urn:koers:problem:unsupported-media-type", "Unsupported media type", 415, detail, null,
        null, "Content-Type", null);
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem("urn:koers:problem:" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), title,
        status, detail, null, null, null, null);
  }

  public static Problem notFound(String detail) {
    return new Problem("urn:koers:problem:not-found", "Not found", 404, detail, null, null, null, null);
  }

  public static Problem unavailable(String detail) {
    return new Problem("urn:koers:problem:unavailable", "Service unavailable", 503, detail, null, null, null,
        null);
  }

  /**
   * The decision is set aside by the views (docs/operations.md). 503 because the fault is the service's, not the
   * request's; sent without Retry-After, because asking again soon will not help: an operator has to act.
   */
  public static Problem quarantined(String detail) {
    return new Problem("urn:koers:problem:decision-quarantined", "Decision quarantined", 503, detail, null, null,
        null, null);
  }

  public Problem at(String path) {
    return new Problem(type, title, status, detail, path, rule, field, sequence);
  }
}
