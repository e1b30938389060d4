package dev.koers.audit.verify;

/** What can be wrong with a record of the log, or with the log as a whole against a digest. */
public enum Problem {
  /** The value is not a decodable event (bad marker, unknown schema fingerprint, corrupt Avro). */
  UNDECODABLE("the record is not a decodable event"),
  /** The record's key is not its event's decision id. */
  KEY_MISMATCH("the record's key is not the event's decision id"),
  /** A decision's events are in more than one partition, so their order is not defined. */
  WRONG_PARTITION("the decision's events are spread over partitions"),
  /** SHA-256 of the body minus its last 32 bytes is not those 32 bytes: changed after it was sealed. */
  HASH_MISMATCH("the event's hash is not the SHA-256 of its bytes"),
  /** The sequence skips ahead of the next expected one: events are missing. */
  SEQUENCE_GAP("the sequence skips ahead: events are missing"),
  /** The sequence is at or below one already seen: an event is repeated, moved or injected. */
  SEQUENCE_REPEAT("the sequence repeats or goes back"),
  /** previousHash is not the hash of the decision's event before it. */
  LINK_BROKEN("previousHash is not the hash of the event before it"),
  /** The decision's first event in the log is not its opening. */
  OPENING_MISSING("the decision's first event is not DecisionOpened"),
  /** The rules forbid this event in the decision's state (per the domain core's Evolver). */
  INVALID_TRANSITION("the event cannot follow the decision's state"),
  /** The domain core could not rebuild the decision from its events. */
  REPLAY_FAILED("the decision could not be rebuilt"),
  /** The log no longer holds everything a digest covered. */
  DIGEST_RANGE_MISSING("the log does not reach the digest's offsets"),
  /** The Merkle root (or a decision's head) over the digest's offsets differs from the digest. */
  DIGEST_MISMATCH("the log up to the digest's offsets is not what the digest recorded");

  private final String meaning;

  Problem(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
