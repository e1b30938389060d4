package dev.koers.domain.metrics;

/**
 * One score group as shown: its distinct respondents, whether it is withheld for anonymity, and the mean of
 * each rating over the current feedback that has it (null when none has it, and always null when withheld).
 */
public record ScoreGroup(long respondents, boolean withheld, Double clarity, Double speed, Double heard,
                         Double addedValue) {

  public static ScoreGroup of(ScoreTotals totals, Anonymity anonymity) {
    return of(totals.respondents().distinct(), totals.ratings(), anonymity);
  }

  /** One decision's score group: its respondents are counted, not named. */
  public static ScoreGroup of(DecisionFeedback.Tally tally, Anonymity anonymity) {
    return of(tally.respondents(), tally.ratings(), anonymity);
  }

  private static ScoreGroup of(long respondents, RatingTotals r, Anonymity anonymity) {
    if (anonymity.withholds(respondents)) {
      return new ScoreGroup(respondents, true, null, null, null, null);
    }
    return new ScoreGroup(respondents, false,
        Ratios.of(r.claritySum(), r.clarityCount()),
        Ratios.of(r.speedSum(), r.speedCount()),
        Ratios.of(r.heardSum(), r.heardCount()),
        Ratios.of(r.addedValueSum(), r.addedValueCount()));
  }
}
