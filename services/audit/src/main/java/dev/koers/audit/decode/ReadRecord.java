package dev.koers.audit.decode;

import dev.koers.audit.log.RecordPosition;

/** A record of the log after decoding: an event, or bytes that are not one. */
public sealed interface ReadRecord permits LoggedEvent, UnreadableRecord {

  RecordPosition position();

  /** The record's key as UTF-8 (the decision id, when the record is sound); null when it has none. */
  String key();
}
