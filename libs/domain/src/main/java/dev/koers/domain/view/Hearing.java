package dev.koers.domain.view;

import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.time.Instant;

/** A perspective heard on a decision, as the log recorded it. */
public record Hearing(Perspective perspective, Depth depth, String label, Instant occurredAt) {}
