package dev.koers.domain.metrics;

import java.util.Objects;

/**
 * A score group before rendering: who answered (as a multiset, so that distinct respondents survive
 * subtraction) and the sums of their ratings.
 */
public record ScoreTotals(Multiset respondents, RatingTotals ratings) {

  public static final ScoreTotals ZERO = new ScoreTotals(Multiset.EMPTY, RatingTotals.ZERO);

  public ScoreTotals {
    respondents = Objects.requireNonNullElse(respondents, Multiset.EMPTY);
    ratings = Objects.requireNonNullElse(ratings, RatingTotals.ZERO);
  }

  /** One respondent's current feedback. */
  public static ScoreTotals of(String respondentId, FeedbackFact feedback) {
    return new ScoreTotals(Multiset.of(respondentId), RatingTotals.of(feedback));
  }

  public ScoreTotals plus(ScoreTotals other) {
    return combine(other, 1);
  }

  public ScoreTotals minus(ScoreTotals other) {
    return combine(other, -1);
  }

  ScoreTotals combine(ScoreTotals other, int sign) {
    if (ZERO.equals(other)) {
      return this;
    }
    if (sign > 0 && ZERO.equals(this)) {
      return other;
    }
    return new ScoreTotals(respondents.combine(other.respondents, sign), ratings.combine(other.ratings, sign));
  }
}
