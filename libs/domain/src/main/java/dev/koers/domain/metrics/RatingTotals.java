package dev.koers.domain.metrics;

/**
 * Sums and counts of each rating, each over the feedback that has it: the means are divided out at render
 * time only, so adding and subtracting feedback is exact.
 */
public record RatingTotals(long claritySum, long clarityCount, long speedSum, long speedCount, long heardSum,
                           long heardCount, long addedValueSum, long addedValueCount) {

  public static final RatingTotals ZERO = new RatingTotals(0, 0, 0, 0, 0, 0, 0, 0);

  public static RatingTotals of(FeedbackFact feedback) {
    return new RatingTotals(
        valueOf(feedback.clarity()), countOf(feedback.clarity()),
        valueOf(feedback.speed()), countOf(feedback.speed()),
        valueOf(feedback.heard()), countOf(feedback.heard()),
        valueOf(feedback.addedValue()), countOf(feedback.addedValue()));
  }

  public RatingTotals plus(RatingTotals other) {
    return combine(other, 1);
  }

  public RatingTotals minus(RatingTotals other) {
    return combine(other, -1);
  }

  RatingTotals combine(RatingTotals o, int sign) {
    return new RatingTotals(
        claritySum + sign * o.claritySum, clarityCount + sign * o.clarityCount,
        speedSum + sign * o.speedSum, speedCount + sign * o.speedCount,
        heardSum + sign * o.heardSum, heardCount + sign * o.heardCount,
        addedValueSum + sign * o.addedValueSum, addedValueCount + sign * o.addedValueCount);
  }

  /** Value consensus asks for a mean added value of at least 4: compared on integers, so no rounding decides it. */
  public boolean addedValueAtLeast(int threshold) {
    return addedValueCount > 0 && addedValueSum >= (long) threshold * addedValueCount;
  }

  private static long valueOf(Integer rating) {
    return rating == null ? 0 : rating;
  }

  private static long countOf(Integer rating) {
    return rating == null ? 0 : 1;
  }
}
