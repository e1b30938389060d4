package dev.koers.bench.hotpaths;

import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.LedgerStep;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Submission;
import dev.koers.testkit.history.Expected;
import dev.koers.testkit.history.RandomHistory;
import dev.koers.testkit.history.Shape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic log, written as the ledger writes it: the test kit's {@link RandomHistory} (20 units, 60 managers,
 * 120 respondents, 3 % of commands the rules refuse) submits, and every submission goes through the ledger's own
 * {@link LedgerStep}. Each submission is kept with the state it was decided on, each accepted event with the
 * state before it: the inputs of the ledger's hot paths, in the mix a busy log has.
 */
final class RecordedLog implements RandomHistory.Ledger {

  static final long SEED = 20261206L;
  /** Submissions in the benchmarks' log: about 2,600 decisions and 19,000 events over five years. */
  static final int SUBMISSIONS = 20_000;
  /** A node's ledger allows this much clock skew (koers up's default). */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
  private static final Instant START = Instant.parse("2025-11-03T08:00:00Z");

  /** One submission as the ledger met it. */
  record Attempt(DecisionState state, Submission submission, Instant recordedAt, String eventId) {}

  /** One accepted event and the state it followed (null before a decision's first event). */
  record Transition(DecisionState before, DecisionEvent event) {}

  private final LedgerStep step = new LedgerStep(decider());
  private final Map<String, DecisionState> states = new HashMap<>();
  private final List<Attempt> attempts = new ArrayList<>();
  private final List<Transition> transitions = new ArrayList<>();

  private RecordedLog() {}

  /** The ledger's decider, with the clock skew the log was written with. */
  static Decider decider() {
    return new Decider(CLOCK_SKEW);
  }

  /** The benchmarks' log: {@link #SUBMISSIONS} submissions from {@link #SEED}. */
  static RecordedLog standard() {
    return of(SUBMISSIONS);
  }

  static RecordedLog of(int submissions) {
    RecordedLog log = new RecordedLog();
    Shape shape = Shape.realistic(START, 20, 60).withRespondents(120).withAheadWithinSkew(CLOCK_SKEW)
        .withMistakes(3);
    new RandomHistory(SEED, shape, log).submissions(submissions);
    return log;
  }

  @Override
  public boolean accepts(Submission submission, Expected expected) {
    String id = submission.getDecisionId();
    DecisionState before = states.get(id);
    Attempt attempt = new Attempt(before, submission, submission.getSubmittedAt(), "e-" + attempts.size());
    attempts.add(attempt);
    LedgerStep.Result result = step.handle(before, submission, attempt.recordedAt(), attempt.eventId());
    result.event().ifPresent(event -> {
      states.put(id, result.newState());
      transitions.add(new Transition(before, event));
    });
    return result.accepted();
  }

  List<Attempt> attempts() {
    return attempts;
  }

  List<Transition> transitions() {
    return transitions;
  }

  List<DecisionEvent> events() {
    return transitions.stream().map(Transition::event).toList();
  }
}
