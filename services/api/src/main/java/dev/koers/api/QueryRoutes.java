package dev.koers.api;

import dev.koers.api.auth.Authenticator;
import io.javalin.http.Context;

/** Thin handlers for queries, answered from the views' state stores. */
final class QueryRoutes {

  private final Authenticator authenticator;
  private final Decisions decisions;

  QueryRoutes(Authenticator authenticator, Decisions decisions) {
    this.authenticator = authenticator;
    this.decisions = decisions;
  }

  void decision(Context ctx) {
    authenticator.require(ctx, Roles.READING);
    String id = ctx.pathParam("id");
    var view = decisions.find(id)
        .orElseThrow(() -> new ProblemException(Problem.notFound("no decision with id '" + id + "'")));
    ctx.header("ETag", "\"" + view.head().sequence() + "\"").json(DecisionDocument.of(view));
  }
}
