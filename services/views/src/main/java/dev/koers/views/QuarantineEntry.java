package dev.koers.views;

import java.time.Instant;

/**
 * A decision the views set aside: the record they could not fold (where it lies, what failed) and how many of
 * the decision's later events they held back since. {@code sequence} is null when the record was unreadable.
 */
public record QuarantineEntry(String decisionId, String code, String error, String topic, int partition,
                              long offset, Long sequence, Instant quarantinedAt, long heldEvents) {

  /** The record could not be read as an event. */
  public static final String UNREADABLE_EVENT = "UNREADABLE_EVENT";
  /** The record's key is not the decision id inside its event. */
  public static final String KEY_MISMATCH = "KEY_MISMATCH";
  /** The event was read, but the core refused to fold it into its decision. */
  public static final String UNFOLDABLE_EVENT = "UNFOLDABLE_EVENT";

  QuarantineEntry withOneMoreHeld() {
    return new QuarantineEntry(decisionId, code, error, topic, partition, offset, sequence, quarantinedAt,
        heldEvents + 1);
  }

  String position() {
    return topic + "-" + partition + "@" + offset;
  }
}
