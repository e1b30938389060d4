package dev.koers.domain;

import dev.koers.schema.Accepted;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Rejected;
import dev.koers.schema.Sha256;
import dev.koers.schema.Submission;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger's whole decision for one submission, as a pure function: decide, and when accepted, build the
 * next event of the chain, seal it and evolve the state. Repeated submission ids are the caller's concern
 * (it keeps the first outcome and answers it again).
 */
public final class LedgerStep {

  /**
   * @param newState the state after the step; the given state, unchanged (maybe null), when rejected
   * @param event the sealed event to append; empty when rejected
   * @param outcome what the submitter is told: {@code Accepted} or {@code Rejected}
   */
  public record Result(DecisionState newState, Optional<DecisionEvent> event, Outcome outcome) {
    public Result {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(outcome, "outcome");
    }

    public boolean accepted() {
      return event.isPresent();
    }
  }

  private final Decider decider;
  private final Evolver evolver = new Evolver();
  private final HashChain hashChain = new HashChain();

  public LedgerStep(Decider decider) {
    this.decider = Objects.requireNonNull(decider, "decider");
  }

  /**
   * @param state the decision's current state; null when it does not exist
   * @param submission the submission to handle
   * @param recordedAt the log's clock now: the event's {@code recordedAt} and the decider's {@code now}
   * @param eventId the id the new event gets when accepted
   */
  public Result handle(DecisionState state, Submission submission, Instant recordedAt, String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    Instant recorded = Millis.of(Objects.requireNonNull(recordedAt, "recordedAt"));
    Verdict verdict = decider.decide(state, submission, recorded);
    if (verdict instanceof Verdict.Reject rejection) {
      return rejected(state, submission, recorded, rejection);
    }
    DecisionEvent event = hashChain.seal(nextEvent(state, submission, recorded, eventId,
        ((Verdict.Accept) verdict).payload()));
    Accepted accepted = new Accepted(event.getSequence(), eventId, copy(event.getHash()));
    return new Result(evolver.evolve(state, event), Optional.of(event), outcome(submission, recorded, accepted));
  }

  /**
   * The outcome of a submission refused before the rules are asked (no proof, an idempotency key that is not
   * the caller's): it names the rule and, unlike a rule's rejection, nothing of the decision's state.
   */
  public static Outcome refused(Submission submission, Instant recordedAt, Verdict.Reject refusal) {
    return outcome(submission, Millis.of(recordedAt), new Rejected(refusal.rule().name(), refusal.message(), null));
  }

  private static Result rejected(DecisionState state, Submission submission, Instant recordedAt,
      Verdict.Reject rejection) {
    Long currentSequence = state == null ? null : state.sequence();
    Rejected rejected = new Rejected(rejection.rule().name(), rejection.message(), currentSequence);
    return new Result(state, Optional.empty(), outcome(submission, recordedAt, rejected));
  }

  private static DecisionEvent nextEvent(DecisionState state, Submission submission, Instant recordedAt,
      String eventId, Object payload) {
    return DecisionEvent.newBuilder()
        .setEventId(eventId)
        .setDecisionId(submission.getDecisionId())
        .setSequence(state == null ? 1 : state.sequence() + 1)
        .setOccurredAt(Millis.of(submission.getOccurredAt()))
        .setRecordedAt(recordedAt)
        .setActor(Actor.newBuilder(submission.getActor()).build())
        .setSubmissionId(submission.getSubmissionId())
        .setPreviousHash(state == null ? HashChain.genesis() : HashChain.fromHex(state.lastHash()))
        .setPayload(payload)
        .setHash(HashChain.genesis())
        .build();
  }

  private static Outcome outcome(Submission submission, Instant recordedAt, Object result) {
    return new Outcome(submission.getSubmissionId(), submission.getDecisionId(), recordedAt, result);
  }

  private static Sha256 copy(Sha256 hash) {
    return new Sha256(hash.bytes().clone());
  }
}
