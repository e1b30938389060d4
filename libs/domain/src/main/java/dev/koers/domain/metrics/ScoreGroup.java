package dev.koers.domain.metrics;

/**
 * One score group as shown: its distinct respondents, whether it is withheld for anonymity, and the mean of
 * each rating over the current feedback that has it (null when none has it, and always null when withheld).
 */
public record ScoreGroup(long respondents, boolean withheld, Double clarity, Double speed, Double heard,
                         Double addedValue) {

  public static ScoreGroup of(ScoreTotals totals, Anonymity anonymity) {
    long respondents = totals.respondents().distinct();
    if (anonymity.withholds(respondents)) {
      return new ScoreGroup(respondents, true, null, null, null, null);
    }
    RatingTotals r = totals.ratings();
    return new ScoreGroup(respondents, false,
        Ratios.of(r.claritySum(), r.clarityCount()),
        Ratios.of(r.speedSum(), r.speedCount()),
        Ratios.of(r.heardSum(), r.heardCount()),
        Ratios.of(r.addedValueSum(), r.addedValueCount()));
  }
}
