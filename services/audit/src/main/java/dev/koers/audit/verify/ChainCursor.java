package dev.koers.audit.verify;

import dev.koers.domain.DecisionStatus;
import dev.koers.domain.HashChain;

/**
 * How far one decision's chain has been read. The link fields follow the records as they are (so one break is
 * reported once, and the chain is picked up again after it); {@code status} follows only the events the
 * transition table accepted. Mutable and small: tens of thousands of cursors stay alive for the whole pass.
 */
final class ChainCursor {

  final int partition;
  /** The decision's status after the events whose kind the transition table accepted; null before the opening. */
  DecisionStatus status;
  long lastSequence;
  final byte[] lastHash = new byte[HashChain.HASH_BYTES];
  /** The offset of the decision's last record read; -1 before its first. */
  long lastOffset = -1;
  boolean openingMissingReported;

  ChainCursor(int partition) {
    this.partition = partition;
  }
}
