package dev.koers.bench.pipeline;

import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.LedgerStep;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Many decisions' events, made and sealed by the ledger's own {@link LedgerStep} as the ledger would append them:
 * each decision is opened by its unit's manager, then (as many events as asked) hears one perspective and is
 * decided; the openings are spread over the two years before {@code end}, so units and managers have weekly
 * aggregates as a real log gives them. Fifty units, two hundred managers.
 */
final class DecidedLives {

  /** Opened, heard, decided. */
  static final int MAX_EVENTS = 3;
  private static final int UNITS = 50;
  private static final int MANAGERS = 200;
  private static final Duration SPAN = Duration.ofDays(730);
  private static final ActivityGroup[] GROUPS = ActivityGroup.values();
  private static final Perspective[] PERSPECTIVES = Perspective.values();
  private static final Depth[] DEPTHS = Depth.values();

  private final LedgerStep step = new LedgerStep(new Decider(Duration.ofMinutes(2)));
  private final int events;
  private final Instant start;
  private final long stepMillis;

  /**
   * @param decisions how many decisions the log will hold; their events end just before {@code end}
   * @param events each decision's events: 1 (opened) to {@value #MAX_EVENTS} (opened, heard, decided)
   */
  DecidedLives(int decisions, int events, Instant end) {
    if (events < 1 || events > MAX_EVENTS) {
      throw new IllegalArgumentException("a decision here has 1 to " + MAX_EVENTS + " events, not " + events);
    }
    this.events = events;
    this.start = end.minus(SPAN);
    this.stepMillis = Math.max(1, SPAN.toMillis() / Math.max(1, decisions));
  }

  /** Hands decision {@code i}'s events, in order, to {@code log}. */
  void decision(int i, Consumer<DecisionEvent> log) {
    String id = "mem-" + i;
    String manager = "m-" + (i % MANAGERS);
    Actor owner = new Actor(manager, Role.MANAGER);
    Instant opened = start.plusMillis(i * stepMillis);
    List<Object> commands = List.of(
        new OpenDecision("Decision " + i + " on the weekly roster", "Raised in the weekly conversation.",
            "unit-" + (i % MANAGERS % UNITS), manager, GROUPS[i % GROUPS.length], null, null),
        new HearPerspective(PERSPECTIVES[i % PERSPECTIVES.length], DEPTHS[i % DEPTHS.length],
            PERSPECTIVES[i % PERSPECTIVES.length] == Perspective.OTHER ? "suppliers" : null, null),
        new MakeDecision("Outcome of decision " + i, i % 2 == 0 ? "Fewer complaints" : null, i % 3 == 0));
    DecisionState state = null;
    for (int k = 0; k < events; k++) {
      Instant at = opened.plusSeconds(60L * k);
      Submission submission = new Submission("s-" + id + "-" + k, id, at, at, owner, null, commands.get(k));
      LedgerStep.Result result = step.handle(state, submission, at, "e-" + id + "-" + k);
      if (!result.accepted()) {
        throw new IllegalStateException("the rules refused " + submission.getSubmissionId() + ": " + result.outcome());
      }
      state = result.newState();
      log.accept(result.event().orElseThrow());
    }
  }
}
