package dev.koers.domain;

import dev.koers.schema.command.CommunicateDecision;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.command.ReviseDecision;
import dev.koers.schema.command.WithdrawDecision;

/** The seven commands, with what a rejection message says about each and the status each needs. */
enum CommandKind {
  OPEN("open", null, null),
  HEAR("hear perspectives on", DecisionStatus.OPEN, "perspectives can only be heard while it is OPEN"),
  DECIDE("decide", DecisionStatus.OPEN,
      "it can only be decided while it is OPEN (a made decision changes by a revision)"),
  COMMUNICATE("communicate", DecisionStatus.DECIDED, "it can only be communicated once it is DECIDED"),
  REVISE("revise", DecisionStatus.DECIDED, "it can only be revised once it is DECIDED"),
  WITHDRAW("withdraw", DecisionStatus.OPEN, "it can only be withdrawn while it is OPEN"),
  GIVE_FEEDBACK("give feedback on", DecisionStatus.DECIDED, "feedback can only be given once it is DECIDED");

  private final String verb;
  private final DecisionStatus requiredStatus;
  private final String statusRule;

  CommandKind(String verb, DecisionStatus requiredStatus, String statusRule) {
    this.verb = verb;
    this.requiredStatus = requiredStatus;
    this.statusRule = statusRule;
  }

  static CommandKind of(Object command) {
    if (command instanceof OpenDecision) {
      return OPEN;
    } else if (command instanceof HearPerspective) {
      return HEAR;
    } else if (command instanceof MakeDecision) {
      return DECIDE;
    } else if (command instanceof CommunicateDecision) {
      return COMMUNICATE;
    } else if (command instanceof ReviseDecision) {
      return REVISE;
    } else if (command instanceof WithdrawDecision) {
      return WITHDRAW;
    } else if (command instanceof GiveFeedback) {
      return GIVE_FEEDBACK;
    }
    throw new IllegalArgumentException("not a Koers command: " + command);
  }

  /** How a sentence names the action: "only the owning manager may ... decision d-42". */
  String verb() {
    return verb;
  }

  /** The status the decision must have; null for the opening, which needs no decision at all. */
  DecisionStatus requiredStatus() {
    return requiredStatus;
  }

  /** The lifecycle rule in words, for a DECISION_NOT_OPEN or DECISION_NOT_DECIDED message. */
  String statusRule() {
    return statusRule;
  }
}
