package dev.koers.domain.metrics;

import dev.koers.schema.Perspective;
import java.time.Instant;
import java.util.Objects;

/**
 * One respondent's feedback on a decision, without the comment (metrics never show text).
 *
 * @param perspective the perspective the respondent spoke for
 * @param occurredAt when it was given
 * @param sequence its place in the decision's log: breaks a tie of {@code occurredAt}
 * @param clarity 1..5 or null
 * @param speed 1..5 or null
 * @param heard 1..5 or null
 * @param addedValue 1..5 or null
 */
public record FeedbackFact(Perspective perspective, Instant occurredAt, long sequence, Integer clarity,
                           Integer speed, Integer heard, Integer addedValue) {

  public FeedbackFact {
    Objects.requireNonNull(perspective, "perspective");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * The current feedback is the latest by {@code occurredAt}, then by log order: a back-dated feedback
   * recorded later does not replace one that happened after it.
   */
  public boolean supersedes(FeedbackFact current) {
    int byTime = occurredAt.compareTo(current.occurredAt);
    return byTime > 0 || (byTime == 0 && sequence > current.sequence);
  }
}
