package dev.koers.audit.verify;

import dev.koers.audit.log.RecordPosition;
import dev.koers.domain.DecisionState;
import dev.koers.domain.HashChain;

/**
 * How far one decision's chain has been read. The link fields follow the records as they are (so one break is
 * reported once, and the chain is picked up again after it); {@code state} is what the domain core built
 * from the events it accepted, and {@code stateAtHead} says whether it stands at that same record.
 */
final class ChainCursor {

  final int partition;
  DecisionState state;
  boolean stateAtHead = true;
  long lastSequence;
  byte[] lastHash = new byte[HashChain.HASH_BYTES];
  RecordPosition lastPosition;
  boolean openingMissingReported;

  ChainCursor(int partition) {
    this.partition = partition;
  }
}
