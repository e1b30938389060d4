package dev.koers.bounds;

import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.LedgerStep;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.testkit.history.Expected;
import dev.koers.testkit.history.RandomHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ledger's pure core deciding a random history: every submission, what the generator expected, the outcome. */
final class PureLedger implements RandomHistory.Ledger {

  static final Duration SKEW = Duration.ofMinutes(2);

  record Decided(Submission submission, Expected expected, Outcome outcome) {}

  private final LedgerStep step = new LedgerStep(new Decider(SKEW));
  private final Map<String, DecisionState> states = new HashMap<>();
  private final List<DecisionEvent> events = new ArrayList<>();
  private final List<Decided> decided = new ArrayList<>();

  @Override
  public boolean accepts(Submission submission, Expected expected) {
    String id = submission.getDecisionId();
    LedgerStep.Result result = step.handle(states.get(id), submission, submission.getSubmittedAt(),
        "e-" + decided.size());
    decided.add(new Decided(submission, expected, result.outcome()));
    result.event().ifPresent(event -> {
      states.put(id, result.newState());
      events.add(event);
    });
    return result.accepted();
  }

  List<DecisionEvent> events() {
    return List.copyOf(events);
  }

  List<Decided> decided() {
    return List.copyOf(decided);
  }
}
