package dev.koers.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.client.KoersClient;
import dev.koers.schema.Actor;
import dev.koers.schema.Submission;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.ActivityGroup;
import dev.koers.views.DecisionLookup;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Thin handlers for decisions: parse, submit or look up, map the result. */
final class DecisionRoutes {

  private static final Set<String> OPEN_FIELDS = Set.of("decisionId", "title", "context", "unit", "managerId",
      "activityGroup", "activity", "dueBy", "occurredAt");

  private final ObjectMapper mapper;
  private final Callers callers;
  private final KoersClient gateway;
  private final DecisionLookup lookup;
  private final Clock clock;

  DecisionRoutes(ObjectMapper mapper, Callers callers, KoersClient gateway, DecisionLookup lookup,
                 Clock clock) {
    this.mapper = mapper;
    this.callers = callers;
    this.gateway = gateway;
    this.lookup = lookup;
    this.clock = clock;
  }

  void open(Context ctx) {
    Actor actor = callers.identify(ctx);
    JsonBody body = JsonBody.parse(mapper, ctx.body(), OPEN_FIELDS);
    String idempotencyKey = ctx.header("Idempotency-Key");
    String given = body.optionalText("decisionId");
    String decisionId = given != null ? DecisionIds.check("decisionId", given)
        : DecisionIds.newId(actor.getId(), idempotencyKey);
    OpenDecision command = OpenDecision.newBuilder()
        .setTitle(body.requiredText("title"))
        .setContext(body.optionalText("context"))
        .setUnit(body.requiredText("unit"))
        .setManagerId(body.requiredText("managerId"))
        .setActivityGroup(body.requiredEnum("activityGroup", ActivityGroup.class))
        .setActivity(body.optionalText("activity"))
        .setDueBy(body.optionalInstant("dueBy"))
        .build();
    Instant now = clock.instant();
    Instant occurredAt = body.optionalInstant("occurredAt");
    Submission submission = Submission.newBuilder()
        .setSubmissionId(idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString())
        .setDecisionId(decisionId)
        .setSubmittedAt(now)
        .setOccurredAt(occurredAt != null ? occurredAt : now)
        .setActor(actor)
        .setExpectedSequence(null)
        .setCommand(command)
        .build();
    ctx.future(() -> gateway.submit(submission).thenAccept(outcome -> {
      var accepted = OutcomeResponses.accepted(outcome);
      ctx.status(201)
          .header("Location", "/api/v1/decisions/" + decisionId)
          .header("ETag", "\"" + accepted.get("sequence") + "\"")
          .json(accepted);
    }));
  }

  void get(Context ctx) {
    String id = ctx.pathParam("id");
    var view = lookup.decision(id)
        .orElseThrow(() -> new ProblemException(Problem.notFound("no decision with id '" + id + "'")));
    ctx.header("ETag", "\"" + view.head().sequence() + "\"").json(DecisionDocument.of(view));
  }
}
