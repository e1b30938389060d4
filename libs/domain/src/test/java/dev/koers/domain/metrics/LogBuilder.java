package dev.koers.domain.metrics;

import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.DecisionStatus;
import dev.koers.domain.LedgerStep;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes a decision log the way the ledger does: every command goes through {@link LedgerStep}, so the
 * events are valid and sealed. The log's clock ({@code recordedAt}) only moves forward; an {@code occurredAt}
 * before it is a back-dated event.
 */
final class LogBuilder {

  private final LedgerStep step = new LedgerStep(new Decider(Duration.ofMinutes(5)));
  private final Map<String, DecisionState> states = new HashMap<>();
  private final List<DecisionEvent> events = new ArrayList<>();
  private Instant clock;

  LogBuilder(Instant start) {
    this.clock = start;
  }

  // --- the golden scenario's verbs: a rejection is a mistake in the scenario

  LogBuilder open(String id, String unit, String manager, ActivityGroup group, Instant dueBy, Instant at) {
    return accepted(tryOpen(id, unit, manager, group, dueBy, at), id);
  }

  LogBuilder hear(String id, Perspective perspective, Depth depth, Instant at) {
    return accepted(tryHear(id, perspective, depth, at), id);
  }

  LogBuilder decide(String id, Instant at) {
    return accepted(tryOwner(id, new MakeDecision("outcome of " + id, null, false), at), id);
  }

  LogBuilder communicate(String id, Instant at) {
    return accepted(tryOwner(id, new CommunicateDecision(List.of(Perspective.CUSTOMER), "email"), at), id);
  }

  LogBuilder revise(String id, Instant at) {
    return accepted(tryOwner(id, new ReviseDecision("new facts", "revised outcome of " + id), at), id);
  }

  LogBuilder withdraw(String id, Instant at) {
    return accepted(tryOwner(id, new WithdrawDecision("no longer needed"), at), id);
  }

  LogBuilder feedback(String id, String respondent, Perspective perspective, Integer clarity, Integer speed,
      Integer heard, Integer addedValue, Instant at) {
    return accepted(tryFeedback(id, respondent, perspective, clarity, speed, heard, addedValue, at), id);
  }

  // --- the random generator's verbs: a rejection is reported, not thrown

  Optional<DecisionEvent> tryOpen(String id, String unit, String manager, ActivityGroup group, Instant dueBy,
      Instant at) {
    return submit(id, new OpenDecision("Decision " + id, null, unit, manager, group, null, dueBy),
        new Actor(manager, Role.MANAGER), at);
  }

  Optional<DecisionEvent> tryHear(String id, Perspective perspective, Depth depth, Instant at) {
    String label = perspective == Perspective.OTHER ? "suppliers" : null;
    return tryOwner(id, new HearPerspective(perspective, depth, label, null), at);
  }

  Optional<DecisionEvent> tryOwner(String id, SpecificRecord command, Instant at) {
    return submit(id, command, new Actor(states.get(id).managerId(), Role.MANAGER), at);
  }

  Optional<DecisionEvent> tryFeedback(String id, String respondent, Perspective perspective, Integer clarity,
      Integer speed, Integer heard, Integer addedValue, Instant at) {
    String label = perspective == Perspective.OTHER ? "end users" : null;
    GiveFeedback command = new GiveFeedback(perspective, respondent, label, clarity, speed, heard, addedValue, null);
    return submit(id, command, new Actor(respondent, Role.STAKEHOLDER), at);
  }

  /** The log's clock moves on; it never goes back. */
  void advance(Duration duration) {
    clock = clock.plus(duration);
  }

  Instant clock() {
    return clock;
  }

  DecisionState state(String id) {
    return states.get(id);
  }

  DecisionStatus status(String id) {
    return states.get(id).status();
  }

  List<DecisionEvent> events() {
    return List.copyOf(events);
  }

  int size() {
    return events.size();
  }

  private Optional<DecisionEvent> submit(String id, SpecificRecord command, Actor actor, Instant at) {
    Instant recordedAt = at.isAfter(clock) ? at : clock;
    clock = recordedAt.plusSeconds(1);
    Submission submission = new Submission("s-" + events.size() + "-" + id, id, recordedAt, at, actor, null, command);
    LedgerStep.Result result = step.handle(states.get(id), submission, recordedAt, "e-" + events.size());
    if (!result.accepted()) {
      return Optional.empty();
    }
    states.put(id, result.newState());
    events.add(result.event().orElseThrow());
    return result.event();
  }

  private LogBuilder accepted(Optional<DecisionEvent> event, String id) {
    if (event.isEmpty()) {
      throw new IllegalStateException("the scenario broke a rule on " + id + " (state " + states.get(id) + ")");
    }
    return this;
  }
}
