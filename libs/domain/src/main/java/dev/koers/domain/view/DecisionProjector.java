package dev.koers.domain.view;

import dev.koers.domain.DecisionStatus;
import dev.koers.domain.Evolver;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.event.DecisionCommunicated;
import dev.koers.schema.event.DecisionMade;
import dev.koers.schema.event.DecisionOpened;
import dev.koers.schema.event.DecisionRevised;
import dev.koers.schema.event.DecisionWithdrawn;
import dev.koers.schema.event.FeedbackGiven;
import dev.koers.schema.event.PerspectiveHeard;

/**
 * Folds a decision's events, in log order, into its {@link DecisionView}. The live views and the audit share it.
 * The status after each event is the domain core's transition table ({@link Evolver#statusAfter}), the one the
 * ledger applies: an event the table refuses is refused here too ({@link IllegalStateException}), not folded.
 */
public final class DecisionProjector {

  public DecisionView apply(DecisionView view, DecisionEvent event) {
    DecisionStatus status = Evolver.statusAfter(view == null ? null : view.head().status(), event);
    Object payload = event.getPayload();
    if (payload instanceof DecisionOpened o) {
      Opening opening = new Opening(o.getTitle(), o.getContext(), o.getUnit(), o.getManagerId(),
          o.getActivityGroup(), o.getActivity(), o.getDueBy(), event.getOccurredAt());
      return new DecisionView(event.getDecisionId(), opening, head(status, event), Course.NONE, null);
    }
    // Past the table, view is not null: only an opening may come first.
    DecisionView v = view.withHead(head(status, event));
    if (payload instanceof PerspectiveHeard h) {
      return v.withHearing(new Hearing(h.getPerspective(), h.getDepth(), h.getLabel(), event.getOccurredAt()));
    }
    if (payload instanceof DecisionMade m) {
      return v.withCourse(v.course().made(event.getOccurredAt(), m.getOutcome(), m.getRationale(), m.getUsesPower()));
    }
    if (payload instanceof DecisionCommunicated) {
      return v.withCourse(v.course().communicated(event.getOccurredAt()));
    }
    if (payload instanceof DecisionRevised r) {
      return v.withCourse(v.course().revised(r.getOutcome()));
    }
    if (payload instanceof DecisionWithdrawn) {
      return v.withCourse(v.course().withdrawn(event.getOccurredAt()));
    }
    if (payload instanceof FeedbackGiven) {
      return v; // Feedback lives in the metric views; the decision view keeps no personal data.
    }
    throw new IllegalArgumentException("unknown event payload " + payload.getClass().getName());
  }

  private static Head head(DecisionStatus status, DecisionEvent e) {
    return new Head(status, e.getSequence(), HashChain.hex(e.getHash()), e.getRecordedAt());
  }
}
