package dev.koers.audit.pass;

import dev.koers.audit.log.LogExtent;
import java.time.Duration;

/**
 * What one pass read: the extent, how many records, events and unreadable records it held, and how long reading
 * and checking took (from the first fetch to the last record checked; opening the log is not counted).
 */
public record PassSummary(LogExtent extent, long records, long events, long unreadable, Duration elapsed) {

  /** Records per second over {@link #elapsed()}. */
  public double recordsPerSecond() {
    return records / Math.max(elapsed.toNanos() / 1e9, 1e-9);
  }
}
