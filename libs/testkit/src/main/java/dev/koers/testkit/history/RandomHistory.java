package dev.koers.testkit.history;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.CommunicateDecision;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.command.ReviseDecision;
import dev.koers.schema.command.WithdrawDecision;
import dev.koers.testkit.history.EdgeValues.Edge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one random decision history of the project's tests, reproducible from a seed: many units and managers,
 * hearings, decisions (some back-dated behind a later hearing), communications, revisions, withdrawals, feedback
 * replaced by the same respondent (sometimes back-dated behind the current one), events back-dated by up to three
 * weeks or slightly ahead of the log's clock, and, as the {@link Shape} asks, commands the rules refuse and
 * values at and just beyond every bound (lengths, instants, ratings, characters, odd unicode).
 *
 * <p>It only writes submissions; the caller's {@link Ledger} decides them (with the real {@code LedgerStep}) and
 * says which it accepted, and the history goes on from what the log holds. The log's clock is each submission's
 * {@code submittedAt}: use it as {@code recordedAt}.
 */
public final class RandomHistory {

  /** Decides one submission, as the ledger would; true when it is accepted into the log. */
  @FunctionalInterface
  public interface Ledger {
    boolean accepts(Submission submission, Expected expected);
  }

  private static final Duration MAX_BACKDATING = Duration.ofDays(21);
  /** Activity concentrates on recent decisions, as in real life, so that most of them get decided. */
  private static final int RECENT = 50;
  private static final String[] WHERE = {"weekend cleaning rota", "canteen supplier", "reception hours",
      "badge policy"};

  /** What the log holds of a decision, as far as the generator needs it. */
  private static final class Known {
    final String managerId;
    Instant openedAt;
    Instant decidedAt;
    boolean open = true;

    Known(String managerId, Instant openedAt) {
      this.managerId = managerId;
      this.openedAt = openedAt;
    }
  }

  private final Random random;
  private final Shape shape;
  private final EdgeValues edges;
  private final Ledger ledger;
  private final Map<String, Known> known = new HashMap<>();
  private final List<String> live = new ArrayList<>();
  private final Map<String, List<String>> respondentsOf = new HashMap<>();
  private Instant clock;
  private int decisions;
  private long submissions;
  private long accepted;

  public RandomHistory(long seed, Shape shape, Ledger ledger) {
    this.random = new Random(seed);
    this.shape = shape;
    this.edges = new EdgeValues(random, shape.bounds());
    this.ledger = ledger;
    this.clock = shape.start();
  }

  /** Goes on until the ledger has accepted {@code events} submissions in all. */
  public RandomHistory untilAccepted(long events) {
    while (accepted < events) {
      step();
    }
    return this;
  }

  /** Goes on for {@code count} more submissions, accepted or not. */
  public RandomHistory submissions(long count) {
    long until = submissions + count;
    while (submissions < until) {
      step();
    }
    return this;
  }

  public Instant clock() {
    return clock;
  }

  private void step() {
    clock = clock.plusMillis((long) (random.nextDouble() * shape.maxStep().toMillis()));
    if (live.isEmpty() || random.nextInt(100) < 14) {
      open();
      return;
    }
    String id = live.get(Math.max(0, live.size() - 1 - random.nextInt(Math.min(RECENT, live.size()))));
    Known decision = known.get(id);
    if (random.nextInt(100) < shape.mistakesPercent()) {
      mistake(id, decision);
    } else if (decision.open) {
      actWhileOpen(id, decision);
    } else {
      actOnceDecided(id, decision);
    }
  }

  private void open() {
    String id = "d-" + decisions++;
    int manager = random.nextInt(shape.managers());
    // Most managers work in one unit; some of their decisions are for another one.
    int unit = random.nextInt(5) == 0 ? random.nextInt(shape.units()) : manager % shape.units();
    Instant at = occurredAt(null);
    Instant dueBy = random.nextInt(3) == 0 ? null : at.plus(Duration.ofMinutes(1 + random.nextInt(30 * 24 * 60)));
    Edits edits = edits();
    String decisionId = edits.string(id, edges::decisionId);
    String managerId = edits.string("m-" + manager, edges::name);
    OpenDecision command = new OpenDecision(
        edits.string("Decision " + id + ": " + WHERE[random.nextInt(WHERE.length)], edges::title),
        edits.optionalString(random.nextBoolean() ? "Raised in the weekly conversation." : null),
        edits.string("unit-" + unit, edges::name), managerId, pick(ActivityGroup.values()),
        edits.optionalName(random.nextBoolean() ? "A" + random.nextInt(30) : null), dueBy);
    Instant occurredAt = at;
    if (edits.active && random.nextInt(4) == 0) {
      Edge<Instant> opened = edits.take(edges.openedAt(at, edits.mayBreak()));
      occurredAt = opened.value();
      command.setDueBy(null);
    }
    if (edits.active && random.nextInt(4) == 0) {
      command.setDueBy(edits.take(edges.dueBy(edits.mayBreak())).value());
    }
    if (submit(decisionId, command, new Actor(managerId, Role.MANAGER), occurredAt, edits)) {
      known.put(decisionId, new Known(managerId, occurredAt));
      live.add(decisionId);
    }
  }

  private void actWhileOpen(String id, Known decision) {
    int roll = random.nextInt(100);
    Instant at = occurredAt(decision.openedAt);
    Edits edits = edits();
    if (roll < 62) {
      Perspective perspective = pick(Perspective.values());
      String label = perspective == Perspective.OTHER ? edits.string("suppliers", edges::name) : null;
      owner(id, new HearPerspective(perspective, pick(Depth.values()), label,
          edits.optionalString(random.nextBoolean() ? "Heard in a short meeting." : null)), at, edits);
    } else if (roll < 93) {
      if (owner(id, new MakeDecision(edits.text("outcome of " + id),
          edits.optionalString(random.nextBoolean() ? null : "because"), random.nextBoolean()), at,
          edits)) {
        decision.open = false;
        decision.decidedAt = at;
      }
    } else if (owner(id, new WithdrawDecision(edits.text("no longer needed")), at, edits)) {
      decision.open = false;
      live.remove(id);
    }
  }

  private void actOnceDecided(String id, Known decision) {
    int roll = random.nextInt(100);
    Instant at = occurredAt(decision.decidedAt);
    Edits edits = edits();
    if (roll < 16) {
      owner(id, new CommunicateDecision(List.of(pick(Perspective.values())),
          edits.string("email", edges::name)), at, edits);
    } else if (roll < 28) {
      owner(id, new ReviseDecision(edits.text("new facts"), edits.text("revised outcome of " + id)),
          at, edits);
    } else {
      feedback(id, at, edits);
    }
  }

  /**
   * Commands the rules refuse: before the opening, by another manager, in the future, before the decision, or
   * one the decision's status does not allow (a revision while it is open, a second decision, ...).
   */
  private void mistake(String id, Known decision) {
    Edits none = new Edits(false, false);
    switch (random.nextInt(6)) {
      case 4 -> owner(id, decision.open ? new ReviseDecision("too early", "other outcome")
          : new MakeDecision("decided again", null, false), clock, none);
      case 5 -> owner(id, decision.open ? new CommunicateDecision(List.of(Perspective.CUSTOMER), "email")
          : new WithdrawDecision("too late"), clock, none);
      case 0 -> owner(id, new HearPerspective(Perspective.CUSTOMER, Depth.INFORMED, null, null),
          notBeforeEarliest(decision.openedAt.minusSeconds(60)), none);
      case 1 -> submit(id, new MakeDecision("not mine", null, false), new Actor("m-intruder", Role.MANAGER), clock,
          none);
      case 2 -> owner(id, new WithdrawDecision("in the future"), clock.plus(Duration.ofHours(2)), none);
      default -> feedback(id, decision.decidedAt == null ? clock
          : notBeforeEarliest(decision.decidedAt.minusSeconds(1)), none);
    }
  }

  /** A mistake breaks a rule of time, not a bound: a decision opened at the earliest instant has nothing before. */
  private Instant notBeforeEarliest(Instant at) {
    return at.isBefore(shape.bounds().earliest()) ? shape.bounds().earliest() : at;
  }

  private void feedback(String id, Instant at, Edits edits) {
    List<String> earlier = respondentsOf.computeIfAbsent(id, d -> new ArrayList<>());
    boolean again = !earlier.isEmpty() && random.nextInt(100) < 35;
    // A respondent who gave feedback before keeps their id (it may already lie at a bound).
    String respondent = again ? earlier.get(random.nextInt(earlier.size()))
        : edits.string("r-" + random.nextInt(shape.respondents()), edges::name);
    Integer[] ratings = {rating(edits), rating(edits), rating(edits), rating(edits)};
    if (ratings[0] == null && ratings[1] == null && ratings[2] == null && ratings[3] == null) {
      ratings[3] = 1 + random.nextInt(5);
    }
    Perspective perspective = pick(Perspective.values());
    String label = perspective == Perspective.OTHER ? edits.string("end users", edges::name) : null;
    GiveFeedback command = new GiveFeedback(perspective, respondent, label, ratings[0], ratings[1], ratings[2],
        ratings[3], edits.optionalString(random.nextInt(4) == 0 ? "Clear and quick." : null));
    if (submit(id, command, new Actor(respondent, Role.STAKEHOLDER), at, edits) && !earlier.contains(respondent)) {
      earlier.add(respondent);
    }
  }

  private Integer rating(Edits edits) {
    if (edits.active && random.nextInt(4) == 0) {
      return edits.take(edges.rating(edits.mayBreak())).value();
    }
    return random.nextInt(4) == 0 ? null : 1 + random.nextInt(5);
  }

  /**
   * Half of the events happen now, most others up to three weeks ago (never before {@code notBefore}); a few are
   * dated slightly ahead of the log's clock, within the shape's skew.
   */
  private Instant occurredAt(Instant notBefore) {
    int roll = random.nextInt(100);
    Instant at;
    if (roll < 48) {
      at = clock;
    } else if (roll < 52 && !shape.aheadWithinSkew().isZero()) {
      at = clock.plusMillis(random.nextInt((int) shape.aheadWithinSkew().toMillis()));
    } else {
      at = clock.minusMillis((long) (random.nextDouble() * MAX_BACKDATING.toMillis()));
    }
    return notBefore != null && at.isBefore(notBefore) ? notBefore : at;
  }

  private boolean owner(String id, SpecificRecord command, Instant at, Edits edits) {
    return submit(id, command, new Actor(known.get(id).managerId, Role.MANAGER), at, edits);
  }

  private boolean submit(String id, SpecificRecord command, Actor actor, Instant at, Edits edits) {
    Instant recordedAt = clock;
    clock = clock.plusMillis(1 + random.nextInt(1000));
    String usualId = "s-" + submissions + "-" + id;
    String submissionId = edits.string(usualId, edges::submissionId);
    Instant occurredAt = at;
    if (edits.active && !(command instanceof OpenDecision) && edits.mayBreak() && random.nextInt(6) == 0) {
      occurredAt = edges.occurredBeyond();
      edits.broken = Expected.rejectedBy(Expected.INSTANT_OUT_OF_RANGE);
    }
    submissions++;
    boolean accepted = ledger.accepts(new Submission(submissionId, id, recordedAt, occurredAt, actor, null, command),
        edits.expected());
    if (accepted) {
      this.accepted++;
    }
    return accepted;
  }

  private Edits edits() {
    return random.nextInt(100) < shape.edgesPercent() ? new Edits(true, random.nextBoolean()) : new Edits(false, false);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** The edge values of one submission: some fields at a bound, and at most one beyond. */
  private final class Edits {

    final boolean active;
    final boolean mayBreakOne;
    Expected broken = Expected.WITHIN_BOUNDS;

    Edits(boolean active, boolean mayBreakOne) {
      this.active = active;
      this.mayBreakOne = mayBreakOne;
    }

    boolean mayBreak() {
      return mayBreakOne && !broken.breaksABound();
    }

    Expected expected() {
      return broken;
    }

    <T> Edge<T> take(Edge<T> edge) {
      if (edge.expected().breaksABound()) {
        broken = edge.expected();
      }
      return edge;
    }

    String string(String usual, EdgeSource source) {
      return active && random.nextInt(3) == 0 ? take(source.edge(usual, mayBreak())).value() : usual;
    }

    String text(String usual) {
      return string(usual, edges::text);
    }

    String optionalString(String usual) {
      return usual == null ? null : text(usual);
    }

    String optionalName(String usual) {
      return usual == null ? null : string(usual, edges::name);
    }
  }

  @FunctionalInterface
  private interface EdgeSource {
    Edge<String> edge(String usual, boolean allowBeyond);
  }
}
