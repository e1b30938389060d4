package dev.koers.api;

import dev.koers.domain.DecisionStatus;
import dev.koers.domain.metrics.IsoWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query-string values, each checked with a 400 that names the parameter. */
final class QueryParams {

  private QueryParams() {}

  static Instant instant(String name, String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw JsonBody.bad(name, "'" + name + "' must be an ISO-8601 instant with an offset, such as "
          + "2026-11-27T09:30:00Z, not '" + text + "'");
    }
  }

  static DecisionStatus status(String text) {
    if (text == null) {
      return null;
    }
    try {
      return DecisionStatus.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw JsonBody.bad("status", "'status' must be one of OPEN, DECIDED, WITHDRAWN, not '" + text + "'");
    }
  }

  static int limit(String text, int fallback, int max) {
    if (text == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw JsonBody.bad("limit", "'limit' must be a whole number from 1 to " + max);
  }

  /** An ISO week such as 2026-W48, or null for all time. */
  static IsoWeek week(String text) {
    if (text == null) {
      return null;
    }
    if (!IsoWeek.valid(text)) {
      throw JsonBody.bad("week", "'week' must be an ISO week such as 2026-W48, not '" + text + "'");
    }
    return IsoWeek.parse(text);
  }
}
