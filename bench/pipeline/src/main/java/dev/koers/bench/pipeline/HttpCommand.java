package dev.koers.bench.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.api.auth.Principal;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.CommunicateDecision;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.command.ReviseDecision;
import dev.koers.schema.command.WithdrawDecision;
import java.time.Instant;

/**
 * A submission as a user of the HTTP API sends it (docs/api.md, "Commands"): the route, the JSON body and who
 * sends it (the owning manager; feedback through a survey tool, which may record any respondent's).
 */
record HttpCommand(String path, ObjectNode body, Principal sender) {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final Principal SURVEY_TOOL = new Principal("bench-survey-tool", Role.STAKEHOLDER, null, null);

  static HttpCommand of(Submission submission) {
    String on = "/api/v1/decisions/" + submission.getDecisionId();
    ObjectNode body = JSON.objectNode();
    Principal manager = new Principal(submission.getActor().getId(), Role.MANAGER, submission.getActor().getId(), null);
    Object command = submission.getCommand();
    String path;
    if (command instanceof OpenDecision open) {
      path = "/api/v1/decisions";
      body.put("decisionId", submission.getDecisionId()).put("title", open.getTitle())
          .put("context", open.getContext()).put("unit", open.getUnit()).put("managerId", open.getManagerId())
          .put("activityGroup", open.getActivityGroup().name()).put("activity", open.getActivity());
      putInstant(body, "dueBy", open.getDueBy());
    } else if (command instanceof HearPerspective hear) {
      path = on + "/hearings";
      body.put("perspective", hear.getPerspective().name()).put("depth", hear.getDepth().name())
          .put("label", hear.getLabel()).put("summary", hear.getSummary());
    } else if (command instanceof MakeDecision make) {
      path = on + "/outcome";
      body.put("outcome", make.getOutcome()).put("rationale", make.getRationale()).put("usesPower", make.getUsesPower());
    } else if (command instanceof CommunicateDecision communicate) {
      path = on + "/communications";
      communicate.getAudience().forEach(p -> body.withArray("audience").add(p.name()));
      body.put("channel", communicate.getChannel());
    } else if (command instanceof ReviseDecision revise) {
      path = on + "/revisions";
      body.put("reason", revise.getReason()).put("outcome", revise.getOutcome());
    } else if (command instanceof WithdrawDecision withdraw) {
      path = on + "/withdrawal";
      body.put("reason", withdraw.getReason());
    } else if (command instanceof GiveFeedback feedback) {
      path = on + "/feedback";
      body.put("perspective", feedback.getPerspective().name()).put("label", feedback.getLabel())
          .put("respondentId", feedback.getRespondentId()).put("comment", feedback.getComment());
      ObjectNode ratings = body.putObject("ratings");
      ratings.put("clarity", feedback.getClarity()).put("speed", feedback.getSpeed())
          .put("heard", feedback.getHeard()).put("addedValue", feedback.getAddedValue());
      return new HttpCommand(path, withOccurredAt(body, submission), SURVEY_TOOL);
    } else {
      throw new IllegalArgumentException("no route for " + command.getClass().getSimpleName());
    }
    return new HttpCommand(path, withOccurredAt(body, submission), manager);
  }

  /** The occurredAt, and no field for what the command leaves out (a user omits it rather than send null). */
  private static ObjectNode withOccurredAt(ObjectNode body, Submission submission) {
    putInstant(body, "occurredAt", submission.getOccurredAt());
    withoutNulls(body);
    return body;
  }

  private static void withoutNulls(ObjectNode node) {
    node.properties().removeIf(field -> field.getValue().isNull());
    node.properties().forEach(field -> {
      if (field.getValue() instanceof ObjectNode inner) {
        withoutNulls(inner);
      }
    });
  }

  private static void putInstant(ObjectNode body, String field, Instant value) {
    if (value != null) {
      body.put(field, value.toString());
    }
  }
}
