package dev.koers.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.api.auth.Authenticator;
import dev.koers.api.auth.Principal;
import dev.koers.client.Submitter;
import dev.koers.domain.InputBounds;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.schema.command.OpenDecision;
import dev.koers.wire.proof.Origin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Thin handlers for every command: authenticate, read the body, submit, answer with the ledger's outcome. */
final class CommandRoutes {

  private final ObjectMapper mapper;
  private final Authenticator authenticator;
  private final Submitter submitter;
  private final SubmissionRequests requests;
  private final PendingCommands pending;

  CommandRoutes(ObjectMapper mapper, Authenticator authenticator, Submitter submitter,
                SubmissionRequests requests, PendingCommands pending) {
    this.mapper = mapper;
    this.authenticator = authenticator;
    this.submitter = submitter;
    this.requests = requests;
    this.pending = pending;
  }

  /** POST /api/v1/decisions: the id comes from the body, from the Idempotency-Key, or is new. */
  void open(Context ctx) {
    Principal principal = authenticator.require(ctx, CommandReaders.OPEN.roles());
    JsonBody body = body(ctx, CommandReaders.OPEN);
    String given = body.optionalText("decisionId");
    String decisionId = given != null ? DecisionIds.check("decisionId", given)
        : DecisionIds.newId(principal.subject(), SubmissionRequests.idempotencyKey(ctx).orElse(null));
    OpenDecision command = (OpenDecision) CommandReaders.OPEN.reader().apply(body);
    submit(ctx, principal, requests.build(ctx, principal, decisionId, body, command));
  }

  /** POST /api/v1/decisions/{id}/...: every command on an existing decision. */
  void onDecision(Context ctx, CommandSpec spec) {
    Principal principal = authenticator.require(ctx, spec.roles());
    String decisionId = DecisionIds.check("id", ctx.pathParam("id"));
    JsonBody body = body(ctx, spec);
    submit(ctx, principal, requests.build(ctx, principal, decisionId, body, spec.reader().apply(body)));
  }

  private JsonBody body(Context ctx, CommandSpec spec) {
    JsonContentType.require(ctx.header("Content-Type"));
    return JsonBody.parse(mapper, ctx.body(), spec.fields());
  }

  /** Fields outside the log's bounds are refused here, naming the field, before the ledger would name the rule. */
  private void submit(Context ctx, Principal principal, Submission submission) {
    InputBounds.check(submission).ifPresent(violation -> {
      throw new ProblemException(Problem.violation(violation));
    });
    String decisionId = submission.getDecisionId();
    Origin origin = RequestOrigin.of(ctx, principal, decisionId);
    boolean mayRead = Roles.READING.contains(principal.role());
    CompletableFuture<Outcome> outcome = pending.admit(() -> submitter.submit(submission, origin));
    ctx.future(() -> outcome.thenAccept(answer -> {
      Map<String, Object> accepted = OutcomeResponses.accepted(answer, mayRead);
      ctx.status(201)
          .header("Location", "/api/v1/decisions/" + decisionId)
          .header("ETag", "\"" + accepted.get("sequence") + "\"")
          .json(accepted);
    }));
  }
}
