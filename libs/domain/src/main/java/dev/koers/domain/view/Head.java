package dev.koers.domain.view;

import dev.koers.domain.DecisionStatus;
import java.time.Instant;

/** Where a decision's chain stands: its status, last sequence, head hash and when the log last recorded it. */
public record Head(DecisionStatus status, long sequence, String lastHash, Instant lastRecordedAt) {}
