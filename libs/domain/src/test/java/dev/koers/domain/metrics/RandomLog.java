package dev.koers.domain.metrics;

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
 * A large random decision log, reproducible from a seed: the test kit's {@link RandomHistory} over many units and
 * managers and two years that span ISO week-year boundaries, sealed by the real {@link LedgerStep}; only the
 * accepted events are kept.
 */
final class RandomLog implements RandomHistory.Ledger {

  static final Instant START = Instant.parse("2025-11-03T08:00:00Z");

  private final LedgerStep step = new LedgerStep(new Decider(Duration.ofMinutes(5)));
  private final Map<String, DecisionState> states = new HashMap<>();
  private final List<DecisionEvent> events = new ArrayList<>();

  /** At least {@code events} accepted events. */
  static List<DecisionEvent> generate(long seed, int events, int units, int managers) {
    RandomLog log = new RandomLog();
    new RandomHistory(seed, Shape.realistic(START, units, managers), log).untilAccepted(events);
    return List.copyOf(log.events);
  }

  @Override
  public boolean accepts(Submission submission, Expected expected) {
    String id = submission.getDecisionId();
    LedgerStep.Result result = step.handle(states.get(id), submission, submission.getSubmittedAt(),
        "e-" + events.size());
    result.event().ifPresent(event -> {
      states.put(id, result.newState());
      events.add(event);
    });
    return result.accepted();
  }
}
