package dev.koers.domain.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a decision's current facts into what it adds to each aggregate: its unit's and its manager's, over
 * all time and in the ISO week of each event that makes a figure (domain.md: "Each figure counts in the week
 * of the event that makes it").
 */
public final class Contributions {

  private Contributions() {}

  /**
   * What the decision, as it stands, adds to every aggregate it counts in: one contribution per aggregate
   * key, sorted by key; empty for null (a decision that does not exist).
   */
  public static List<Contribution> of(DecisionFacts facts) {
    List<Contribution> contributions = new ArrayList<>();
    byKey(facts).forEach((key, delta) -> contributions.add(new Contribution(key, delta)));
    return List.copyOf(contributions);
  }

  /**
   * The net change when a decision moves from {@code before} to {@code after} (either may be null): per
   * aggregate key, after minus before, leaving out keys that do not change. Adding these deltas to the
   * aggregates is the same as subtracting {@code of(before)} and adding {@code of(after)}.
   */
  public static List<Contribution> changes(DecisionFacts before, DecisionFacts after) {
    SortedMap<AggregateKey, MetricsAggregate> old = byKey(before);
    SortedMap<AggregateKey, MetricsAggregate> now = byKey(after);
    TreeSet<AggregateKey> keys = new TreeSet<>(old.keySet());
    keys.addAll(now.keySet());
    List<Contribution> changes = new ArrayList<>();
    for (AggregateKey key : keys) {
      MetricsAggregate delta = now.getOrDefault(key, MetricsAggregate.ZERO)
          .minus(old.getOrDefault(key, MetricsAggregate.ZERO));
      if (!delta.zero()) {
        changes.add(new Contribution(key, delta));
      }
    }
    return List.copyOf(changes);
  }

  static SortedMap<AggregateKey, MetricsAggregate> byKey(DecisionFacts facts) {
    Sums sums = new Sums();
    if (facts == null) {
      return sums.byKey;
    }
    sums.add(facts, facts.openedAt(), MetricsAggregate.ofCounts(Counts.OPENED));
    if (facts.decided()) {
      sums.add(facts, facts.decidedAt(), MetricsAggregate.ofDecision(facts));
    }
    if (facts.withdrawnAt() != null) {
      sums.add(facts, facts.withdrawnAt(), MetricsAggregate.ofCounts(Counts.WITHDRAWN));
    }
    for (Instant revisedAt : facts.revisions()) {
      sums.add(facts, revisedAt, MetricsAggregate.ofCounts(Counts.REVISED));
    }
    Long lag = DecisionMetrics.communicationLagSeconds(facts);
    if (lag != null) {
      sums.add(facts, facts.firstCommunicatedAt(), MetricsAggregate.ofCommunication(lag));
    }
    facts.feedback().forEach((respondentId, feedback) -> sums.add(facts, feedback.occurredAt(),
        MetricsAggregate.ofFeedback(FeedbackTotals.of(respondentId, feedback, facts.activityGroup()))));
    for (HeardFact hearing : facts.hearings()) {
      if (hearing.customerDialogue()) {
        IsoWeek week = IsoWeek.of(hearing.occurredAt());
        sums.addToManager(facts, week, MetricsAggregate.ofDialogue(week));
      }
    }
    return sums.byKey;
  }

  /** Sums the pieces per aggregate key. */
  private static final class Sums {
    private final SortedMap<AggregateKey, MetricsAggregate> byKey = new TreeMap<>();

    /** A figure counts for the unit and the manager, all time and in the week of its event. */
    void add(DecisionFacts facts, Instant at, MetricsAggregate piece) {
      IsoWeek week = IsoWeek.of(at);
      put(AggregateKey.allTime(ScopeKind.UNIT, facts.unit()), piece);
      put(AggregateKey.week(ScopeKind.UNIT, facts.unit(), week), piece);
      addToManager(facts, week, piece);
    }

    /** The dialogue cadence is a manager's figure only. */
    void addToManager(DecisionFacts facts, IsoWeek week, MetricsAggregate piece) {
      put(AggregateKey.allTime(ScopeKind.MANAGER, facts.managerId()), piece);
      put(AggregateKey.week(ScopeKind.MANAGER, facts.managerId(), week), piece);
    }

    private void put(AggregateKey key, MetricsAggregate piece) {
      byKey.merge(key, piece, MetricsAggregate::plus);
    }
  }
}
