package dev.koers.domain.metrics;

import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.time.Instant;
import java.util.Objects;

/** One hearing, as the metrics need it: whose perspective, how deeply, when it happened. */
public record HeardFact(Perspective perspective, Depth depth, Instant occurredAt) {

  public HeardFact {
    Objects.requireNonNull(perspective, "perspective");
    Objects.requireNonNull(depth, "depth");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** A customer dialogue (or deeper) is what the dialogue cadence counts: listening, not only informing. */
  public boolean customerDialogue() {
    return perspective == Perspective.CUSTOMER && depth.compareTo(Depth.DIALOGUE) >= 0;
  }
}
