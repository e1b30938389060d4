package dev.koers.domain;

import dev.koers.schema.Sha256;
import java.util.Arrays;

/**
 * Whether an event continues its decision's chain: its sequence is the next one and its {@code previousHash} is
 * the hash of the event before it ({@link HashChain#GENESIS} before the first). The one answer the ledger's
 * {@link Evolver} and the audit's chain verifier both ask; neither keeps a copy. Allocates nothing: the audit
 * asks it for every record of the log.
 */
public final class ChainLink {

  /** How an event's sequence stands to the chain's last one. */
  public enum SequenceFit {
    /** The next one: the chain's last sequence + 1. */
    NEXT,
    /** Beyond the next one: events are missing. */
    GAP,
    /** At or below the last one: repeated, moved back or injected. */
    REPEAT
  }

  private ChainLink() {}

  /**
   * @param lastSequence the sequence of the chain's last event; 0 before its first
   * @param sequence the event's sequence
   */
  public static SequenceFit sequenceFit(long lastSequence, long sequence) {
    long expected = lastSequence + 1;
    return sequence == expected ? SequenceFit.NEXT : sequence > expected ? SequenceFit.GAP : SequenceFit.REPEAT;
  }

  /**
   * Whether the event's {@code previousHash} is the chain's last hash.
   *
   * @param lastHash the hash of the chain's last event, 32 bytes; {@link HashChain#GENESIS}'s bytes before its first
   */
  public static boolean links(Sha256 previousHash, byte[] lastHash) {
    return previousHash != null && Arrays.equals(previousHash.bytes(), lastHash);
  }
}
