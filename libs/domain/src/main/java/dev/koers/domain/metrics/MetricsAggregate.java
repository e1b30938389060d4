package dev.koers.domain.metrics;

import java.util.Collection;
import java.util.Objects;

/**
 * Everything one (scope, window) aggregate needs to render its {@link MetricsDocument}: counts, integer sums,
 * histograms and multisets only, so that it is exactly subtractable. Aggregates form a group under
 * {@link #plus} and {@link #minus}: whatever the order of additions and subtractions, the result is the sum of
 * the contributions currently in, and it is {@link #ZERO} again when all are out. A plain record of records
 * and maps, so that a state store can keep it as JSON.
 *
 * @param counts opened, decided, withdrawn, revised, communicated (each in the week of its event)
 * @param decided what decided decisions add in the week of the decision
 * @param communicationLagSeconds lags, in the week of the first communication
 * @param feedback current feedback, in the week it was given
 * @param dialogueWeeks ISO week to the number of customer hearings at DIALOGUE depth or deeper in it (manager
 *     aggregates only; always empty for a unit)
 */
public record MetricsAggregate(Counts counts, DecidedTotals decided, ValueHistogram communicationLagSeconds,
                               FeedbackTotals feedback, Multiset dialogueWeeks) {

  public static final MetricsAggregate ZERO = new MetricsAggregate(Counts.ZERO, DecidedTotals.ZERO,
      ValueHistogram.EMPTY, FeedbackTotals.ZERO, Multiset.EMPTY);

  public MetricsAggregate {
    counts = Objects.requireNonNullElse(counts, Counts.ZERO);
    decided = Objects.requireNonNullElse(decided, DecidedTotals.ZERO);
    communicationLagSeconds = Objects.requireNonNullElse(communicationLagSeconds, ValueHistogram.EMPTY);
    feedback = Objects.requireNonNullElse(feedback, FeedbackTotals.ZERO);
    dialogueWeeks = Objects.requireNonNullElse(dialogueWeeks, Multiset.EMPTY);
  }

  static MetricsAggregate ofCounts(Counts counts) {
    return new MetricsAggregate(counts, null, null, null, null);
  }

  static MetricsAggregate ofDecision(DecisionFacts facts, DecisionFeedback feedback) {
    return new MetricsAggregate(Counts.DECIDED, DecidedTotals.of(facts, feedback), null, null, null);
  }

  static MetricsAggregate ofCommunication(long lagSeconds) {
    return new MetricsAggregate(Counts.COMMUNICATED, null, ValueHistogram.of(lagSeconds), null, null);
  }

  static MetricsAggregate ofFeedback(FeedbackTotals feedback) {
    return new MetricsAggregate(null, null, null, feedback, null);
  }

  static MetricsAggregate ofDialogue(IsoWeek week) {
    return new MetricsAggregate(null, null, null, null, Multiset.of(week.toString()));
  }

  public MetricsAggregate plus(MetricsAggregate other) {
    return combine(other, 1);
  }

  public MetricsAggregate minus(MetricsAggregate other) {
    return combine(other, -1);
  }

  /** Whether nothing is counted any more: a store should then delete the key, as a replay never makes it. */
  public boolean zero() {
    return ZERO.equals(this);
  }

  /** The sum of the terms, exactly as adding them with {@link #plus} in any order gives it; ZERO for none. */
  static MetricsAggregate sum(Collection<MetricsAggregate> terms) {
    Sum sum = new Sum();
    terms.forEach(sum::add);
    return sum.total();
  }

  private MetricsAggregate combine(MetricsAggregate o, int sign) {
    return new MetricsAggregate(
        counts.combine(o.counts, sign),
        decided.combine(o.decided, sign),
        communicationLagSeconds.combine(o.communicationLagSeconds, sign),
        feedback.combine(o.feedback, sign),
        dialogueWeeks.combine(o.dialogueWeeks, sign));
  }

  /**
   * Adds up many aggregates in one go: a mutable accumulator per component, each immutable record built once
   * at the end. Adding pairwise with {@link #plus} builds a record, and copies its maps, at every addition.
   */
  static final class Sum {

    /** The only term so far, kept as it is: many weeks get a single piece, and then there is nothing to add. */
    private MetricsAggregate only;
    private Parts parts;

    Sum add(MetricsAggregate term) {
      if (parts == null && only == null) {
        only = term;
        return this;
      }
      if (parts == null) {
        parts = new Parts();
        parts.add(only);
        only = null;
      }
      parts.add(term);
      return this;
    }

    MetricsAggregate total() {
      return parts != null ? parts.total() : only != null ? only : ZERO;
    }
  }

  /** One accumulator per component. */
  private static final class Parts {

    private Counts counts = Counts.ZERO;
    private final DecidedTotals.Sum decided = new DecidedTotals.Sum();
    private final SortedCounts.Sum<Long> communicationLagSeconds = new SortedCounts.Sum<>();
    private final FeedbackTotals.Sum feedback = new FeedbackTotals.Sum();
    private final SortedCounts.Sum<String> dialogueWeeks = new SortedCounts.Sum<>();

    void add(MetricsAggregate term) {
      counts = counts.plus(term.counts);
      decided.add(term.decided);
      communicationLagSeconds.add(term.communicationLagSeconds.sorted());
      feedback.add(term.feedback);
      dialogueWeeks.add(term.dialogueWeeks.sorted());
    }

    MetricsAggregate total() {
      return new MetricsAggregate(counts, decided.total(), new ValueHistogram(communicationLagSeconds.total()),
          feedback.total(), new Multiset(dialogueWeeks.total()));
    }
  }
}
