package dev.koers.audit.digest;

import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.pass.DecisionSlot;
import dev.koers.audit.pass.LogListener;
import dev.koers.schema.DecisionEvent;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Keeps each decision's head (its last event in log order) among the records below given end offsets, so a
 * pass that reads further can still take the digest at those offsets.
 */
public final class HeadCollector implements LogListener {

  private final Map<Integer, Long> endOffsets;
  private final Map<String, Digest.Head> heads = new HashMap<>();
  private long events;

  /** @param endOffsets per partition, the first offset not covered; partitions not named are not covered */
  public HeadCollector(Map<Integer, Long> endOffsets) {
    this.endOffsets = Map.copyOf(endOffsets);
  }

  @Override
  public void onEvent(LoggedEvent logged, DecisionSlot slot) {
    Long end = endOffsets.get(logged.position().partition());
    if (end == null || logged.position().offset() >= end) {
      return;
    }
    DecisionEvent event = logged.event();
    events++;
    heads.put(event.getDecisionId(), new Digest.Head(event.getDecisionId(), event.getSequence(),
        HexFormat.of().formatHex(event.getHash().bytes())));
  }

  public Map<String, Digest.Head> heads() {
    return Map.copyOf(heads);
  }

  public long events() {
    return events;
  }

  public Map<Integer, Long> endOffsets() {
    return endOffsets;
  }
}
