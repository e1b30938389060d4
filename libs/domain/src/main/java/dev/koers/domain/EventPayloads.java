package dev.koers.domain;

import dev.koers.schema.command.CommunicateDecision;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.command.ReviseDecision;
import dev.koers.schema.command.WithdrawDecision;
import dev.koers.schema.event.DecisionCommunicated;
import dev.koers.schema.event.DecisionMade;
import dev.koers.schema.event.DecisionOpened;
import dev.koers.schema.event.DecisionRevised;
import dev.koers.schema.event.DecisionWithdrawn;
import dev.koers.schema.event.FeedbackGiven;
import dev.koers.schema.event.PerspectiveHeard;
import java.util.ArrayList;
import org.apache.avro.specific.SpecificRecord;

/**
 * Each accepted command becomes exactly one event with the same fields. Text is kept as the submitter gave
 * it, except the title, which is stored trimmed (it is validated trimmed, so the stored title is the one
 * that passed).
 */
final class EventPayloads {

  private EventPayloads() {}

  static SpecificRecord of(Object command) {
    if (command instanceof OpenDecision c) {
      return new DecisionOpened(c.getTitle().trim(), c.getContext(), c.getUnit(), c.getManagerId(),
          c.getActivityGroup(), c.getActivity(), Millis.of(c.getDueBy()));
    } else if (command instanceof HearPerspective c) {
      return new PerspectiveHeard(c.getPerspective(), c.getDepth(), c.getLabel(), c.getSummary());
    } else if (command instanceof MakeDecision c) {
      return new DecisionMade(c.getOutcome(), c.getRationale(), c.getUsesPower());
    } else if (command instanceof CommunicateDecision c) {
      return new DecisionCommunicated(new ArrayList<>(c.getAudience()), c.getChannel());
    } else if (command instanceof ReviseDecision c) {
      return new DecisionRevised(c.getReason(), c.getOutcome());
    } else if (command instanceof WithdrawDecision c) {
      return new DecisionWithdrawn(c.getReason());
    } else if (command instanceof GiveFeedback c) {
      return new FeedbackGiven(c.getPerspective(), c.getRespondentId(), c.getLabel(), c.getClarity(),
          c.getSpeed(), c.getHeard(), c.getAddedValue(), c.getComment());
    }
    throw new IllegalArgumentException("not a Koers command: " + command);
  }
}
