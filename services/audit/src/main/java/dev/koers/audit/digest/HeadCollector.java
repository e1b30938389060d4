package dev.koers.audit.digest;

import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.pass.LogListener;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Keeps each decision's head (its last event in log order) among the records below given end offsets, so a
 * pass that reads further can still take the digest at those offsets. Each head is a small mutable cursor,
 * overwritten in place: nothing new per event stays alive until the end.
 */
public final class HeadCollector implements LogListener {

  private final Map<Integer, Long> endOffsets;
  /** The head of each decision with events below the end offsets, by decision id. */
  private final Map<String, HeadCursor> covered = new HashMap<>();
  private long events;

  /** @param endOffsets per partition, the first offset not covered; partitions not named are not covered */
  public HeadCollector(Map<Integer, Long> endOffsets) {
    this.endOffsets = Map.copyOf(endOffsets);
  }

  @Override
  public void onEvent(LoggedEvent logged) {
    Long end = endOffsets.get(logged.position().partition());
    if (end == null || logged.position().offset() >= end) {
      return;
    }
    DecisionEvent event = logged.event();
    events++;
    HeadCursor head = covered.computeIfAbsent(event.getDecisionId(), id -> new HeadCursor());
    head.sequence = event.getSequence();
    System.arraycopy(event.getHash().bytes(), 0, head.hash, 0, HashChain.HASH_BYTES);
  }

  /** Each covered decision's head, by decision id. */
  public Map<String, Digest.Head> heads() {
    Map<String, Digest.Head> heads = new HashMap<>();
    HexFormat hex = HexFormat.of();
    covered.forEach((id, head) -> heads.put(id, new Digest.Head(id, head.sequence, hex.formatHex(head.hash))));
    return Map.copyOf(heads);
  }

  public long events() {
    return events;
  }

  public Map<Integer, Long> endOffsets() {
    return endOffsets;
  }

  /** A decision's last event below the end offsets so far. */
  private static final class HeadCursor {

    long sequence;
    final byte[] hash = new byte[HashChain.HASH_BYTES];
  }
}
