package dev.koers.domain.metrics;

import dev.koers.domain.DecisionState;
import dev.koers.domain.DecisionStatus;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large random decision log, reproducible from a seed: many units and managers, over two years that span
 * ISO week-year boundaries, with back-dated events (decisions back-dated before later hearings, feedback
 * back-dated behind a respondent's current one), revisions, withdrawals and feedback replacements.
 */
final class RandomLog {

  static final Instant START = Instant.parse("2025-11-03T08:00:00Z");
  private static final Duration MAX_BACKDATING = Duration.ofDays(21);
  private static final int RESPONDENTS = 90;
  /** Activity concentrates on recent decisions, as in real life, so that most of them get decided. */
  private static final int RECENT = 60;

  private final Random random;
  private final int units;
  private final int managers;
  private final LogBuilder log = new LogBuilder(START);
  private final List<String> live = new ArrayList<>();
  private final Map<String, List<String>> respondentsOf = new HashMap<>();
  private int decisions;

  private RandomLog(long seed, int units, int managers) {
    this.random = new Random(seed);
    this.units = units;
    this.managers = managers;
  }

  /** At least {@code events} accepted events. */
  static List<DecisionEvent> generate(long seed, int events, int units, int managers) {
    RandomLog generator = new RandomLog(seed, units, managers);
    while (generator.log.size() < events) {
      generator.step();
    }
    return generator.log.events();
  }

  private void step() {
    log.advance(Duration.ofMinutes(random.nextInt(6 * 60)));
    if (live.isEmpty() || random.nextInt(100) < 14) {
      open();
      return;
    }
    String id = live.get(Math.max(0, live.size() - 1 - random.nextInt(Math.min(RECENT, live.size()))));
    DecisionState state = log.state(id);
    if (state.status() == DecisionStatus.OPEN) {
      actWhileOpen(id, state);
    } else {
      actOnceDecided(id, state);
    }
  }

  private void open() {
    String id = "d-" + decisions++;
    int manager = random.nextInt(managers);
    // Most managers work in one unit; some decisions are for another one.
    int unit = random.nextInt(5) == 0 ? random.nextInt(units) : manager % units;
    Instant at = backdated(null);
    Instant dueBy = random.nextBoolean() ? null : at.plus(Duration.ofHours(1 + random.nextInt(30 * 24)));
    log.tryOpen(id, "unit-" + unit, "m-" + manager, pick(ActivityGroup.values()), dueBy, at)
        .ifPresent(event -> live.add(id));
  }

  private void actWhileOpen(String id, DecisionState state) {
    int roll = random.nextInt(100);
    Instant at = backdated(state.openedAt());
    if (roll < 60) {
      log.tryHear(id, pick(Perspective.values()), pick(Depth.values()), at);
    } else if (roll < 92) {
      log.decide(id, at);
    } else {
      log.withdraw(id, at);
      live.remove(id);
    }
  }

  private void actOnceDecided(String id, DecisionState state) {
    int roll = random.nextInt(100);
    Instant at = backdated(state.decidedAt());
    if (roll < 18) {
      log.communicate(id, at);
    } else if (roll < 30) {
      log.revise(id, at);
    } else {
      feedback(id, at);
    }
  }

  private void feedback(String id, Instant at) {
    List<String> earlier = respondentsOf.computeIfAbsent(id, d -> new ArrayList<>());
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
    log.tryFeedback(id, respondent, pick(Perspective.values()), clarity, speed, heard, addedValue, at)
        .ifPresent(event -> earlier.add(respondent));
  }

  private Integer rating() {
    return random.nextInt(4) == 0 ? null : 1 + random.nextInt(5);
  }

  /** Half of the events happen now, the other half up to three weeks ago, but never before {@code notBefore}. */
  private Instant backdated(Instant notBefore) {
    Instant at = random.nextBoolean() ? log.clock()
        : log.clock().minusMillis((long) (random.nextDouble() * MAX_BACKDATING.toMillis()));
    return notBefore != null && at.isBefore(notBefore) ? notBefore : at;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
