package dev.koers.domain.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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
    return net(byKey(before), byKey(after));
  }

  /** Per aggregate key, now minus old, leaving out keys that do not change; sorted by key. */
  static List<Contribution> net(SortedMap<AggregateKey, MetricsAggregate> old,
      SortedMap<AggregateKey, MetricsAggregate> now) {
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
    return byKey(sink -> forEachWeekPiece(facts, sink));
  }

  /** The pieces summed per week and per all time. */
  static SortedMap<AggregateKey, MetricsAggregate> byKey(
      Consumer<BiConsumer<AggregateKey, MetricsAggregate>> pieces) {
    SortedMap<AggregateKey, MetricsAggregate> byKey = new TreeMap<>();
    pieces.accept((week, piece) -> {
      byKey.merge(allTimeOf(week), piece, MetricsAggregate::plus);
      byKey.merge(week, piece, MetricsAggregate::plus);
    });
    return byKey;
  }

  /**
   * Every piece the decision, as it stands, adds, with the week aggregate (a unit's or a manager's) it counts
   * in; a week may get several pieces. A figure counts all time and in the week of its event, so each piece
   * also counts in {@link #allTimeOf} its week: the all-time aggregate is the sum of its weeks. Nothing for null.
   */
  static void forEachWeekPiece(DecisionFacts facts, BiConsumer<AggregateKey, MetricsAggregate> sink) {
    if (facts == null) {
      return;
    }
    decisionPieces(facts, DecisionFeedback.of(facts), sink);
    facts.feedback().forEach((respondentId, feedback) -> feedbackPiece(facts, respondentId, feedback, sink));
  }

  /**
   * The pieces of everything but the feedback itself: the decision's own figures. Only a decided decision's
   * value consensus reads the feedback, from its tally; the facts' feedback map is not read.
   */
  static void decisionPieces(DecisionFacts facts, DecisionFeedback feedback,
      BiConsumer<AggregateKey, MetricsAggregate> sink) {
    Pieces pieces = new Pieces(facts, sink);
    pieces.add(facts.openedAt(), MetricsAggregate.ofCounts(Counts.OPENED));
    if (facts.decided()) {
      pieces.add(facts.decidedAt(), MetricsAggregate.ofDecision(facts, feedback));
    }
    if (facts.withdrawnAt() != null) {
      pieces.add(facts.withdrawnAt(), MetricsAggregate.ofCounts(Counts.WITHDRAWN));
    }
    for (Instant revisedAt : facts.revisions()) {
      pieces.add(revisedAt, MetricsAggregate.ofCounts(Counts.REVISED));
    }
    Long lag = DecisionMetrics.communicationLagSeconds(facts);
    if (lag != null) {
      pieces.add(facts.firstCommunicatedAt(), MetricsAggregate.ofCommunication(lag));
    }
    for (HeardFact hearing : facts.hearings()) {
      if (hearing.customerDialogue()) {
        IsoWeek week = IsoWeek.of(hearing.occurredAt());
        pieces.addToManager(week.toString(), MetricsAggregate.ofDialogue(week));
      }
    }
  }

  /** The piece of one respondent's current feedback, in the week it was given. */
  static void feedbackPiece(DecisionFacts facts, String respondentId, FeedbackFact feedback,
      BiConsumer<AggregateKey, MetricsAggregate> sink) {
    new Pieces(facts, sink).add(feedback.occurredAt(),
        MetricsAggregate.ofFeedback(FeedbackTotals.of(respondentId, feedback, facts.activityGroup())));
  }

  /** The all-time aggregate of the same unit or manager as a week's. */
  static AggregateKey allTimeOf(AggregateKey week) {
    return AggregateKey.allTime(week.scope(), week.id());
  }

  /** Hands each piece to the weeks it counts in. */
  private record Pieces(DecisionFacts facts, BiConsumer<AggregateKey, MetricsAggregate> sink) {

    /** A figure counts for the unit and the manager. */
    void add(Instant at, MetricsAggregate piece) {
      String week = IsoWeek.of(at).toString();
      sink.accept(new AggregateKey(ScopeKind.UNIT, facts.unit(), week), piece);
      addToManager(week, piece);
    }

    /** The dialogue cadence is a manager's figure only. */
    void addToManager(String week, MetricsAggregate piece) {
      sink.accept(new AggregateKey(ScopeKind.MANAGER, facts.managerId(), week), piece);
    }
  }
}
