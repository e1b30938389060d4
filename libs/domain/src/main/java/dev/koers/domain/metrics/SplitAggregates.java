package dev.koers.domain.metrics;

import java.util.Map;

/**
 * The views' way to keep an aggregate (a unit's or a manager's, all time or one week): its respondents as
 * entries of their own, one per (aggregate, score group, respondent) with its count, and in the aggregate
 * only how many are present ({@link Multiset#elsewhere()}). Documents need no more than that number, so they
 * are the same as a replay's; and an aggregate no longer grows with the respondents of its unit, which would
 * cost every change a read and a write of all of them and, past some 50,000, pass Kafka's 1 MB.
 */
public final class SplitAggregates {

  /** Where each respondent's count in each score group of one aggregate is kept. */
  public interface RespondentEntries {

    /** 0 when the respondent has no entry. */
    long count(String group, String respondentId);

    /** A count of 0 removes the entry. */
    void put(String group, String respondentId, long count);
  }

  private SplitAggregates() {}

  /**
   * @param stored the aggregate as kept so far ({@link MetricsAggregate#ZERO} when there is none); its
   *     respondents are all kept elsewhere
   * @param delta a net change, respondents and all
   * @param entries the aggregate's respondent entries: read, and written for every respondent the change names
   * @return the new aggregate, its respondents again all kept elsewhere
   */
  public static MetricsAggregate plus(MetricsAggregate stored, MetricsAggregate delta, RespondentEntries entries) {
    MetricsAggregate sum = stored.plus(delta);
    return new MetricsAggregate(sum.counts(), sum.decided(), sum.communicationLagSeconds(),
        sum.feedback().mapGroups((group, totals) -> settled(group, totals, entries)), sum.dialogueWeeks());
  }

  /** The group's named respondents moved into their entries; a respondent is present while their count is above 0. */
  private static ScoreTotals settled(String group, ScoreTotals totals, RespondentEntries entries) {
    Multiset respondents = totals.respondents();
    if (respondents.counts().isEmpty()) {
      return totals;
    }
    long present = respondents.elsewhere();
    for (Map.Entry<String, Long> change : respondents.counts().entrySet()) {
      long before = entries.count(group, change.getKey());
      long after = before + change.getValue();
      entries.put(group, change.getKey(), after);
      if (before <= 0 && after > 0) {
        present++;
      } else if (before > 0 && after <= 0) {
        present--;
      }
    }
    return new ScoreTotals(Multiset.keptElsewhere(present), totals.ratings());
  }
}
