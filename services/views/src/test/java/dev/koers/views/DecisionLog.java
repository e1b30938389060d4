package dev.koers.views;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.koers.schema.command.CommunicateDecision;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import java.time.Duration;
import java.time.Instant;

/** Valid events of one decision, made by the ledger's own step, for tests that feed the views. */
final class DecisionLog {

  private final LedgerStep ledger = new LedgerStep(new Decider(Duration.ofMinutes(2)));
  private final String decisionId;
  private final Instant recordedAt;
  private DecisionState state;
  private int submissions;

  DecisionLog(String decisionId, Instant recordedAt) {
    this.decisionId = decisionId;
    this.recordedAt = recordedAt;
  }

  DecisionEvent open(String unit, Instant at) {
    return append(new OpenDecision("Weekly customer dialogue", null, unit, "m-1", ActivityGroup.INTERACTION, null,
        null), at);
  }

  DecisionEvent hear(Instant at) {
    return append(new HearPerspective(Perspective.CUSTOMER, Depth.DIALOGUE, null, "they want a weekly slot"), at);
  }

  DecisionEvent decide(Instant at) {
    return append(new MakeDecision("weekly slot", null, false), at);
  }

  DecisionEvent communicate(Instant at) {
    return append(new CommunicateDecision(java.util.List.of(Perspective.CUSTOMER), "team meeting"), at);
  }

  private DecisionEvent append(Object command, Instant occurredAt) {
    Submission submission = Submission.newBuilder()
        .setSubmissionId(decisionId + "-s" + ++submissions)
        .setDecisionId(decisionId)
        .setSubmittedAt(occurredAt)
        .setOccurredAt(occurredAt)
        .setActor(new Actor("m-1", Role.MANAGER))
        .setCommand(command)
        .build();
    LedgerStep.Result result = ledger.handle(state, submission, recordedAt, decisionId + "-e" + submissions);
    assertThat(result.accepted()).as("accepted: %s", result.outcome()).isTrue();
    state = result.newState();
    return result.event().orElseThrow();
  }
}
