package dev.koers.audit.testing;

import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.LedgerStep;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs submissions through the ledger's own pure step (decide, build, seal), as the ledger does, with a log
 * clock that starts at {@link #START} and moves one minute per submission; each submission occurred when it
 * was recorded.
 */
public final class LedgerRun {

  public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  public static final Duration TICK = Duration.ofMinutes(1);

  private LedgerRun() {}

  /** The recordedAt of the k-th submission (from 0). */
  public static Instant recordedAt(int k) {
    return START.plus(TICK.multipliedBy(k));
  }

  /** The events, in the order the ledger appended them. Fails when the rules reject a submission. */
  public static List<DecisionEvent> events(List<Submission> submissions) {
    LedgerStep step = new LedgerStep(new Decider(Duration.ofMinutes(2)));
    Map<String, DecisionState> states = new HashMap<>();
    List<DecisionEvent> events = new ArrayList<>();
    for (int k = 0; k < submissions.size(); k++) {
      Submission submission = Submission.newBuilder(submissions.get(k))
          .setOccurredAt(recordedAt(k)).setSubmittedAt(recordedAt(k)).build();
      LedgerStep.Result result = step.handle(states.get(submission.getDecisionId()), submission, recordedAt(k),
          "e-" + k);
      if (!result.accepted()) {
        throw new IllegalStateException("rejected " + submission + ": " + result.outcome());
      }
      states.put(submission.getDecisionId(), result.newState());
      events.add(result.event().orElseThrow());
    }
    return events;
  }
}
