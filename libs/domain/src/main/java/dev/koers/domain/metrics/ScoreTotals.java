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
    if (other == ZERO || ZERO.equals(other)) { // identity first: most zeros are ZERO itself
      return this;
    }
    if (sign > 0 && (this == ZERO || ZERO.equals(this))) {
      return other;
    }
    return new ScoreTotals(respondents.combine(other.respondents, sign), ratings.combine(other.ratings, sign));
  }

  /** Adds up many score groups in one go (see {@link MetricsAggregate.Sum}). */
  static final class Sum {

    private final SortedCounts.Sum<String> respondents = new SortedCounts.Sum<>();
    private long elsewhere;
    private RatingTotals ratings = RatingTotals.ZERO;

    void add(ScoreTotals term) {
      respondents.add(term.respondents.sorted());
      elsewhere += term.respondents.elsewhere();
      ratings = ratings.plus(term.ratings);
    }

    ScoreTotals total() {
      return new ScoreTotals(new Multiset(respondents.total(), elsewhere), ratings);
    }
  }
}
