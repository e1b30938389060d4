package dev.koers.domain.metrics;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.event.DecisionCommunicated;
import dev.koers.schema.event.DecisionMade;
import dev.koers.schema.event.DecisionOpened;
import dev.koers.schema.event.DecisionRevised;
import dev.koers.schema.event.DecisionWithdrawn;
import dev.koers.schema.event.FeedbackGiven;
import dev.koers.schema.event.PerspectiveHeard;
import java.time.Instant;
import java.util.Objects;

/**
 * Folds a decision's events, in log order, into its {@link DecisionFacts}. The live views (a state store per
 * decision) and the replay call the same method. The log is valid (the ledger enforced the rules), so the
 * fold does not re-check them; it does skip an event whose sequence it has already folded in, so that a
 * redelivered event changes nothing.
 */
public final class DecisionFactsFold {

  /**
   * @param facts the facts so far; null before the decision's first event
   * @param event the decision's next event from the log
   * @return the facts after the event
   * @throws IllegalStateException when the first event is not an opening, or the event is another decision's
   */
  public DecisionFacts apply(DecisionFacts facts, DecisionEvent event) {
    Objects.requireNonNull(event, "event");
    Object payload = event.getPayload();
    if (facts == null) {
      return opening(event, payload);
    }
    requireSameDecision(facts, event);
    if (event.getSequence() <= facts.sequence()) {
      return facts;
    }
    DecisionFacts next = facts.atSequence(event.getSequence());
    Instant at = event.getOccurredAt();
    if (payload instanceof PerspectiveHeard h) {
      return next.withHearing(new HeardFact(h.getPerspective(), h.getDepth(), at));
    } else if (payload instanceof DecisionMade) {
      return next.withDecision(at);
    } else if (payload instanceof DecisionCommunicated) {
      return next.withCommunication(at);
    } else if (payload instanceof DecisionRevised) {
      return next.withRevision(at);
    } else if (payload instanceof DecisionWithdrawn) {
      return next.withWithdrawal(at);
    } else if (payload instanceof FeedbackGiven f) {
      return next.withFeedback(f.getRespondentId(), feedbackOf(event, f));
    }
    throw new IllegalStateException("event #" + event.getSequence() + " of " + event.getDecisionId()
        + " cannot follow the opening: " + describe(payload));
  }

  /** What the metrics keep of a feedback event. */
  static FeedbackFact feedbackOf(DecisionEvent event, FeedbackGiven f) {
    return new FeedbackFact(f.getPerspective(), event.getOccurredAt(), event.getSequence(), f.getClarity(),
        f.getSpeed(), f.getHeard(), f.getAddedValue());
  }

  /** An event of another decision is a caller's bug, whichever way the facts are kept. */
  static void requireSameDecision(DecisionFacts facts, DecisionEvent event) {
    if (!facts.decisionId().equals(event.getDecisionId())) {
      throw new IllegalStateException("event #" + event.getSequence() + " of " + event.getDecisionId()
          + " folded into the facts of " + facts.decisionId());
    }
  }

  private static DecisionFacts opening(DecisionEvent event, Object payload) {
    if (!(payload instanceof DecisionOpened o)) {
      throw new IllegalStateException("event #" + event.getSequence() + " of " + event.getDecisionId()
          + " arrived before the decision was opened: " + describe(payload));
    }
    return DecisionFacts.opened(event.getDecisionId(), event.getSequence(), o.getUnit(), o.getManagerId(),
        o.getActivityGroup(), event.getOccurredAt(), o.getDueBy());
  }

  private static String describe(Object payload) {
    return payload == null ? "an empty payload" : payload.getClass().getSimpleName();
  }
}
