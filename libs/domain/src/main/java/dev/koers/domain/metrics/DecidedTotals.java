package dev.koers.domain.metrics;

import dev.koers.schema.Perspective;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What decided decisions add in the week of their decision: lead times, due dates met, revisions since,
 * coverage, balance and value consensus. The number of decided decisions itself is {@link Counts#decided()}.
 *
 * @param leadTimeSeconds the lead time of each decided decision
 * @param withDueDate decided decisions that had a due date
 * @param onTime of those, decided no later than the due date
 * @param revised decided decisions that have been revised since (at least once, in any week)
 * @param coverage per perspective: decided decisions that heard it in time, and their depth sum
 * @param balance per class: decided decisions of that balance
 * @param consensusEligible decided decisions with current feedback from two or more perspectives
 * @param consensusReached of those, with value consensus
 */
public record DecidedTotals(ValueHistogram leadTimeSeconds, long withDueDate, long onTime, long revised,
                            Map<Perspective, CoverageTotals> coverage, Map<Balance, Long> balance,
                            long consensusEligible, long consensusReached) {

  public static final DecidedTotals ZERO =
      new DecidedTotals(ValueHistogram.EMPTY, 0, 0, 0, Map.of(), Map.of(), 0, 0);

  public DecidedTotals {
    leadTimeSeconds = Objects.requireNonNullElse(leadTimeSeconds, ValueHistogram.EMPTY);
    coverage = EnumMaps.full(Perspective.class, coverage, CoverageTotals.ZERO);
    balance = EnumMaps.full(Balance.class, balance, 0L);
  }

  /**
   * One decided decision, as it stands now (revisions, feedback and all).
   *
   * @param feedback the tally of its current feedback (the facts' own feedback map is not read)
   */
  static DecidedTotals of(DecisionFacts facts, DecisionFeedback feedback) {
    Map<Perspective, CoverageTotals> coverage = new EnumMap<>(Perspective.class);
    facts.perspectivesHeard().forEach((perspective, depth) -> coverage.put(perspective, CoverageTotals.of(depth)));
    return new DecidedTotals(
        ValueHistogram.of(DecisionMetrics.leadTimeSeconds(facts)),
        facts.dueBy() == null ? 0 : 1,
        Boolean.TRUE.equals(DecisionMetrics.onTime(facts)) ? 1 : 0,
        facts.revised() ? 1 : 0,
        coverage,
        Map.of(DecisionMetrics.balance(facts), 1L),
        ValueConsensus.eligible(feedback) ? 1 : 0,
        ValueConsensus.reached(feedback) ? 1 : 0);
  }

  public DecidedTotals plus(DecidedTotals other) {
    return combine(other, 1);
  }

  public DecidedTotals minus(DecidedTotals other) {
    return combine(other, -1);
  }

  DecidedTotals combine(DecidedTotals o, int sign) {
    if (o == ZERO || ZERO.equals(o)) { // identity first: most zeros are ZERO itself
      return this;
    }
    if (sign > 0 && (this == ZERO || ZERO.equals(this))) {
      return o;
    }
    return new DecidedTotals(
        leadTimeSeconds.combine(o.leadTimeSeconds, sign),
        withDueDate + sign * o.withDueDate,
        onTime + sign * o.onTime,
        revised + sign * o.revised,
        EnumMaps.combine(Perspective.class, coverage, o.coverage, (a, b) -> a.combine(b, sign)),
        EnumMaps.combine(Balance.class, balance, o.balance, (a, b) -> a + sign * b),
        consensusEligible + sign * o.consensusEligible,
        consensusReached + sign * o.consensusReached);
  }

  /** Adds up many decided totals in one go (see {@link MetricsAggregate.Sum}). */
  static final class Sum {

    private static final Perspective[] PERSPECTIVES = Perspective.values();
    private static final Balance[] BALANCES = Balance.values();

    private final SortedCounts.Sum<Long> leadTimeSeconds = new SortedCounts.Sum<>();
    private long withDueDate;
    private long onTime;
    private long revised;
    private final Map<Perspective, CoverageTotals> coverage = new EnumMap<>(Perspective.class);
    private final Map<Balance, Long> balance = new EnumMap<>(Balance.class);
    private long consensusEligible;
    private long consensusReached;

    void add(DecidedTotals term) {
      if (term == ZERO) {
        return; // most pieces are not a decision; another zero is simply added
      }
      leadTimeSeconds.add(term.leadTimeSeconds.sorted());
      withDueDate += term.withDueDate;
      onTime += term.onTime;
      revised += term.revised;
      for (Perspective perspective : PERSPECTIVES) {
        coverage.merge(perspective, term.coverage.get(perspective), CoverageTotals::plus);
      }
      for (Balance kind : BALANCES) {
        balance.merge(kind, term.balance.get(kind), Long::sum);
      }
      consensusEligible += term.consensusEligible;
      consensusReached += term.consensusReached;
    }

    DecidedTotals total() {
      return new DecidedTotals(new ValueHistogram(leadTimeSeconds.total()), withDueDate, onTime, revised, coverage,
          balance, consensusEligible, consensusReached);
    }
  }
}
