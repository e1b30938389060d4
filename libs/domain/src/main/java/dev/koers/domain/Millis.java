package dev.koers.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The log's time precision. */
final class Millis {

  private Millis() {}

  /**
   * Truncates to whole milliseconds (null stays null): the log stores timestamp-millis, so a value held in
   * memory must already equal what a replay decodes, or live and replayed figures would differ.
   */
  static Instant of(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
