package dev.koers.api;

import dev.koers.client.Submitter;
import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.LedgerStep;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.wire.proof.Origin;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** The ledger's pure core behind the HTTP edge, without Kafka: what reaches it is decided by the real rules. */
final class InMemoryLedger implements Submitter {

  private final LedgerStep step = new LedgerStep(new Decider(Duration.ofMinutes(2)));
  private final Map<String, DecisionState> states = new HashMap<>();
  private final List<Submission> received = new CopyOnWriteArrayList<>();
  private final List<DecisionEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public synchronized CompletableFuture<Outcome> submit(Submission submission, Origin origin) {
    received.add(submission);
    LedgerStep.Result result = step.handle(states.get(submission.getDecisionId()), submission, Instant.now(),
        "e-" + received.size());
    result.event().ifPresent(event -> {
      events.add(event);
      states.put(submission.getDecisionId(), result.newState());
    });
    return CompletableFuture.completedFuture(result.outcome());
  }

  @Override
  public Duration outcomeTimeout() {
    return Duration.ofSeconds(1);
  }

  List<Submission> received() {
    return List.copyOf(received);
  }

  List<DecisionEvent> events() {
    return List.copyOf(events);
  }
}
