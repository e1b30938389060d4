package dev.koers.cli;

import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.DecisionStatus;
import dev.koers.domain.LedgerStep;
import dev.koers.domain.metrics.IsoWeek;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
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
import dev.koers.schema.event.PerspectiveHeard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;

/**
 * A large random decision log, reproducible from a seed, written exactly as the ledger would write it: every
 * command goes through {@link LedgerStep} (the rules, the hash chain, the sequences) with the log's clock as
 * {@code recordedAt}, and only accepted events are kept. It has many units and managers, revisions,
 * withdrawals, feedback replaced by the same respondent (sometimes back-dated behind the current one, so that
 * it replaces nothing), back-dated decisions, hearings and communications, and spans ISO week-year
 * boundaries (2020-W53, which holds 2021-01-01, and 2021-W52 → 2022-W01).
 */
final class GeneratedLog {

  /** As a node's ledger: TestNode runs with 2 minutes of allowed clock skew. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
  static final Instant START = Instant.parse("2020-09-07T08:00:00Z");

  private static final Duration MAX_BACKDATING = Duration.ofDays(21);
  private static final int RESPONDENTS = 120;
  /** Activity concentrates on recent decisions, as in real life, so that most of them get decided. */
  private static final int RECENT = 50;

  private final Random random;
  private final int units;
  private final int managers;
  private final LedgerStep step = new LedgerStep(new Decider(CLOCK_SKEW));
  private final Map<String, DecisionState> states = new HashMap<>();
  private final List<DecisionEvent> events = new ArrayList<>();
  private final List<String> live = new ArrayList<>();
  private final Map<String, Map<String, Instant>> currentFeedback = new HashMap<>();
  private final Map<String, Instant> lastHearing = new HashMap<>();
  private final Map<String, Integer> stats = new TreeMap<>();
  private Instant clock = START;
  private int decisions;

  private GeneratedLog(long seed, int units, int managers) {
    this.random = new Random(seed);
    this.units = units;
    this.managers = managers;
  }

  /** At least {@code minEvents} accepted events. */
  static GeneratedLog generate(long seed, int minEvents, int units, int managers) {
    GeneratedLog log = new GeneratedLog(seed, units, managers);
    while (log.events.size() < minEvents) {
      log.step();
    }
    return log;
  }

  List<DecisionEvent> events() {
    return List.copyOf(events);
  }

  /** What the log holds, by kind: accepted events, rejected attempts, back-dated events, replacements … */
  Map<String, Integer> stats() {
    return Map.copyOf(stats);
  }

  int stat(String name) {
    return stats.getOrDefault(name, 0);
  }

  /** The last sequence of each decision. */
  Map<String, Long> lastSequences() {
    Map<String, Long> last = new HashMap<>();
    states.forEach((id, state) -> last.put(id, state.sequence()));
    return last;
  }

  /** Every ISO week in which some event occurred. */
  TreeSet<IsoWeek> weeks() {
    TreeSet<IsoWeek> weeks = new TreeSet<>();
    events.forEach(e -> weeks.add(IsoWeek.of(e.getOccurredAt())));
    return weeks;
  }

  private void step() {
    clock = clock.plusMillis((long) (random.nextDouble() * Duration.ofHours(5).toMillis()));
    if (live.isEmpty() || random.nextInt(100) < 14) {
      open();
      return;
    }
    String id = live.get(Math.max(0, live.size() - 1 - random.nextInt(Math.min(RECENT, live.size()))));
    DecisionState state = states.get(id);
    if (random.nextInt(100) < 3) {
      mistake(id, state);
    } else if (state.status() == DecisionStatus.OPEN) {
      actWhileOpen(id, state);
    } else {
      actOnceDecided(id, state);
    }
  }

  private void open() {
    String id = "rp-" + decisions++;
    int manager = random.nextInt(managers);
    // Most managers work in one unit; some of their decisions are for another one.
    int unit = random.nextInt(5) == 0 ? random.nextInt(units) : manager % units;
    Instant at = occurredAt(null);
    Instant dueBy = random.nextInt(3) == 0 ? null : at.plus(Duration.ofMinutes(1 + random.nextInt(30 * 24 * 60)));
    String managerId = "m-" + manager;
    if (submit(id, new OpenDecision("Decision " + id, null, "unit-" + unit, managerId, pick(ActivityGroup.values()),
        null, dueBy), new Actor(managerId, Role.MANAGER), at)) {
      live.add(id);
    }
  }

  private void actWhileOpen(String id, DecisionState state) {
    int roll = random.nextInt(100);
    Instant at = occurredAt(state.openedAt());
    if (roll < 62) {
      Perspective perspective = pick(Perspective.values());
      String label = perspective == Perspective.OTHER ? "suppliers" : null;
      owner(id, new HearPerspective(perspective, pick(Depth.values()), label, null), at);
    } else if (roll < 93) {
      if (owner(id, new MakeDecision("outcome of " + id, random.nextBoolean() ? null : "because", random.nextBoolean()),
          at) && hearingsAfter(id, at)) {
        count("decisionsBackDatedBehindAHearing");
      }
    } else if (owner(id, new WithdrawDecision("no longer needed"), at)) {
      live.remove(id);
    }
  }

  private void actOnceDecided(String id, DecisionState state) {
    int roll = random.nextInt(100);
    Instant at = occurredAt(state.decidedAt());
    if (roll < 16) {
      owner(id, new CommunicateDecision(List.of(pick(Perspective.values())), "email"), at);
    } else if (roll < 28) {
      owner(id, new ReviseDecision("new facts", "revised outcome of " + id), at);
    } else {
      feedback(id, at);
    }
  }

  /** Commands the rules refuse: they must leave no trace in the log. */
  private void mistake(String id, DecisionState state) {
    switch (random.nextInt(4)) {
      case 0 -> owner(id, new HearPerspective(Perspective.CUSTOMER, Depth.INFORMED, null, null),
          state.openedAt().minusSeconds(60)); // before the opening
      case 1 -> submit(id, new MakeDecision("not mine", null, false), new Actor("m-intruder", Role.MANAGER), clock);
      case 2 -> owner(id, new WithdrawDecision("in the future"), clock.plus(Duration.ofHours(2)));
      default -> feedback(id, state.decidedAt() == null ? clock : state.decidedAt().minusSeconds(1));
    }
  }

  private void feedback(String id, Instant at) {
    Map<String, Instant> current = currentFeedback.computeIfAbsent(id, d -> new HashMap<>());
    List<String> earlier = new ArrayList<>(current.keySet());
    earlier.sort(null);
    String respondent = !earlier.isEmpty() && random.nextInt(100) < 35
        ? earlier.get(random.nextInt(earlier.size()))
        : "r-" + random.nextInt(RESPONDENTS);
    Integer clarity = rating();
    Integer speed = rating();
    Integer heard = rating();
    Integer addedValue = rating();
    if (clarity == null && speed == null && heard == null && addedValue == null) {
      addedValue = 1 + random.nextInt(5);
    }
    Perspective perspective = pick(Perspective.values());
    String label = perspective == Perspective.OTHER ? "end users" : null;
    Instant before = current.get(respondent);
    if (submit(id, new GiveFeedback(perspective, respondent, label, clarity, speed, heard, addedValue, null),
        new Actor(respondent, Role.STAKEHOLDER), at)) {
      if (before == null) {
        current.put(respondent, at);
      } else if (at.isBefore(before)) {
        count("feedbackBackDatedBehindTheCurrentOne");
      } else {
        count("feedbackReplacements");
        current.put(respondent, at);
      }
    }
  }

  private Integer rating() {
    return random.nextInt(4) == 0 ? null : 1 + random.nextInt(5);
  }

  /**
   * Half of the events happen now, most others up to three weeks ago (never before {@code notBefore}); a few
   * are dated slightly ahead of the log's clock, within the allowed skew.
   */
  private Instant occurredAt(Instant notBefore) {
    int roll = random.nextInt(100);
    Instant at;
    if (roll < 48) {
      at = clock;
    } else if (roll < 52) {
      at = clock.plusMillis(random.nextInt((int) CLOCK_SKEW.toMillis()));
    } else {
      at = clock.minusMillis((long) (random.nextDouble() * MAX_BACKDATING.toMillis()));
    }
    return notBefore != null && at.isBefore(notBefore) ? notBefore : at;
  }

  private boolean hearingsAfter(String id, Instant decidedAt) {
    return lastHearing.containsKey(id) && lastHearing.get(id).isAfter(decidedAt);
  }

  private boolean owner(String id, SpecificRecord command, Instant at) {
    return submit(id, command, new Actor(states.get(id).managerId(), Role.MANAGER), at);
  }

  private boolean submit(String id, SpecificRecord command, Actor actor, Instant at) {
    Instant recordedAt = clock;
    clock = clock.plusMillis(1 + random.nextInt(1000));
    Submission submission = new Submission("s-" + events.size() + "-" + stat("rejected") + "-" + id, id,
        recordedAt, at, actor, null, command);
    LedgerStep.Result result = step.handle(states.get(id), submission, recordedAt,
        "e-" + events.size() + "-" + id);
    if (!result.accepted()) {
      count("rejected");
      return false;
    }
    DecisionEvent event = result.event().orElseThrow();
    states.put(id, result.newState());
    events.add(event);
    count(event.getPayload().getClass().getSimpleName());
    if (event.getPayload() instanceof PerspectiveHeard) {
      lastHearing.merge(id, event.getOccurredAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
    if (event.getOccurredAt().isBefore(event.getRecordedAt())) {
      count("backDated");
    }
    if (event.getOccurredAt().isAfter(event.getRecordedAt())) {
      count("aheadWithinSkew");
    }
    return true;
  }

  private void count(String name) {
    stats.merge(name, 1, Integer::sum);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
