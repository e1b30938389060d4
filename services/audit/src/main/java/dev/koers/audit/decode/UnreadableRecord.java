package dev.koers.audit.decode;

import dev.koers.audit.log.RecordPosition;

/** A record whose value is not a decodable event; {@code reason} says what is wrong with it. */
public record UnreadableRecord(RecordPosition position, String key, String reason) implements ReadRecord {}
