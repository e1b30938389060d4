package dev.koers.domain;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.event.DecisionCommunicated;
import dev.koers.schema.event.DecisionMade;
import dev.koers.schema.event.DecisionOpened;
import dev.koers.schema.event.DecisionRevised;
import dev.koers.schema.event.DecisionWithdrawn;
import dev.koers.schema.event.FeedbackGiven;
import dev.koers.schema.event.PerspectiveHeard;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Applies one logged event to a decision's state. Pure and strict: an event that cannot follow the state
 * (another decision, a sequence that is not the next one, a {@code previousHash} that is not the last hash,
 * or a transition the rules forbid) throws {@link IllegalStateException}, which an auditor's replay reports.
 * It does not recompute the event's own hash; {@link HashChain#verifies} does that. The link is checked by
 * {@link ChainLink}, the transition by {@link #statusAfter}: the audit and the views ask the same two.
 */
public final class Evolver {

  /**
   * @param state the state before the event; null before the decision's first event
   * @param event a sealed event of this decision
   * @return the state after the event
   * @throws IllegalStateException when the event cannot follow the state
   */
  public DecisionState evolve(DecisionState state, DecisionEvent event) {
    if (event.getHash() == null) {
      throw new IllegalStateException("event " + event.getEventId() + " is not sealed: it has no hash");
    }
    return state == null ? opening(event) : next(state, event);
  }

  /**
   * The rules' transition table: the status a decision has after this event, given its status before it.
   * Checks only the kind of event, not its link; the chain verifier, which checks links on the raw hashes itself,
   * asks just this.
   *
   * @param before the status before the event; null before the decision's first event
   * @throws IllegalStateException when this kind of event cannot follow that status
   */
  public static DecisionStatus statusAfter(DecisionStatus before, DecisionEvent event) {
    Object payload = event.getPayload();
    if (before == null) {
      if (!(payload instanceof DecisionOpened)) {
        throw cannotFollow(event, "a decision's first event must be DecisionOpened, not " + payloadName(event));
      }
      return DecisionStatus.OPEN;
    }
    if (payload instanceof PerspectiveHeard) {
      return require(before, DecisionStatus.OPEN, event, DecisionStatus.OPEN);
    } else if (payload instanceof DecisionMade) {
      return require(before, DecisionStatus.OPEN, event, DecisionStatus.DECIDED);
    } else if (payload instanceof DecisionWithdrawn) {
      return require(before, DecisionStatus.OPEN, event, DecisionStatus.WITHDRAWN);
    } else if (payload instanceof DecisionCommunicated || payload instanceof DecisionRevised
        || payload instanceof FeedbackGiven) {
      return require(before, DecisionStatus.DECIDED, event, DecisionStatus.DECIDED);
    }
    throw cannotFollow(event, payloadName(event) + " cannot follow an opened decision");
  }

  private static DecisionStatus require(DecisionStatus before, DecisionStatus required, DecisionEvent event,
      DecisionStatus after) {
    if (before != required) {
      throw cannotFollow(event, payloadName(event) + " needs a " + required + " decision, but "
          + event.getDecisionId() + " is " + before);
    }
    return after;
  }

  private static DecisionState opening(DecisionEvent event) {
    statusAfter(null, event);
    DecisionOpened opened = (DecisionOpened) event.getPayload();
    requireLink(event, 0, HashChain.GENESIS.bytes());
    return new DecisionState(event.getDecisionId(), DecisionStatus.OPEN, 1, HashChain.hex(event.getHash()),
        Millis.of(event.getOccurredAt()), null, opened.getManagerId(), opened.getUnit(),
        Millis.of(opened.getDueBy()), 0, 0);
  }

  private static DecisionState next(DecisionState state, DecisionEvent event) {
    if (!state.decisionId().equals(event.getDecisionId())) {
      throw cannotFollow(event, "it belongs to decision " + event.getDecisionId() + ", not "
          + state.decisionId());
    }
    requireLink(event, state.sequence(), HexFormat.of().parseHex(state.lastHash()));
    DecisionStatus after = statusAfter(state.status(), event);
    // A revision changes the outcome, not when the decision was first made.
    Instant decidedAt =
        event.getPayload() instanceof DecisionMade ? Millis.of(event.getOccurredAt()) : state.decidedAt();
    return new DecisionState(state.decisionId(), after, event.getSequence(), HashChain.hex(event.getHash()),
        state.openedAt(), decidedAt, state.managerId(), state.unit(), state.dueBy(),
        state.hearings() + (event.getPayload() instanceof PerspectiveHeard ? 1 : 0),
        state.revisions() + (event.getPayload() instanceof DecisionRevised ? 1 : 0));
  }

  /** The chain's link, by the one check the audit's verifier makes too ({@link ChainLink}). */
  private static void requireLink(DecisionEvent event, long lastSequence, byte[] lastHash) {
    if (ChainLink.sequenceFit(lastSequence, event.getSequence()) != ChainLink.SequenceFit.NEXT) {
      throw cannotFollow(event, "its sequence is " + event.getSequence() + ", expected " + (lastSequence + 1));
    }
    if (!ChainLink.links(event.getPreviousHash(), lastHash)) {
      throw cannotFollow(event, "its previousHash does not match the hash of the event before it");
    }
  }

  private static String payloadName(DecisionEvent event) {
    Object payload = event.getPayload();
    return payload == null ? "an empty payload" : payload.getClass().getSimpleName();
  }

  private static IllegalStateException cannotFollow(DecisionEvent event, String why) {
    return new IllegalStateException("event " + event.getEventId() + " (#" + event.getSequence() + " of "
        + event.getDecisionId() + ") cannot follow: " + why);
  }
}
