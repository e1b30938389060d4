package dev.koers.domain.view;

import dev.koers.schema.ActivityGroup;
import java.time.Instant;

/** What a decision was opened with; it does not change afterwards. */
public record Opening(String title, String context, String unit, String managerId, ActivityGroup activityGroup,
                      String activity, Instant dueBy, Instant openedAt) {}
