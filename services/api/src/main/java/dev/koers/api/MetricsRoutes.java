package dev.koers.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.api.auth.Authenticator;
import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.IsoWeek;
import dev.koers.domain.metrics.ScopeKind;
import dev.koers.documents.ViewJson;
import io.javalin.http.Context;

/** Thin handlers for the metrics of a unit or a manager, all time, one ISO week, or week by week. */
final class MetricsRoutes {

  private final Authenticator authenticator;
  private final ViewAccess views;
  private final OwnerRouting routing;
  private final ObjectMapper mapper;

  MetricsRoutes(Authenticator authenticator, ViewAccess views, Forwarder forwarder, ObjectMapper mapper) {
    this.authenticator = authenticator;
    this.views = views;
    this.routing = new OwnerRouting(forwarder);
    this.mapper = mapper;
  }

  /** GET /api/v1/units/{unit}/metrics?week= and /api/v1/managers/{managerId}/metrics?week= */
  void document(Context ctx, ScopeKind scope) {
    authenticator.require(ctx, Roles.READING);
    String id = ctx.pathParam(scope == ScopeKind.UNIT ? "unit" : "managerId");
    IsoWeek week = QueryParams.week(ctx.queryParam("week"));
    AggregateKey key = week == null ? AggregateKey.allTime(scope, id) : AggregateKey.week(scope, id, week);
    if (routing.relayed(ctx, views.remoteOwnerOfScope(key), "the metrics of " + id)) {
      return;
    }
    ctx.json(ViewJson.metrics(views.metrics(key).orElseThrow(() -> new ProblemException(Problem.notFound(
        "no metrics for " + scope.name().toLowerCase() + " '" + id + "' in " + key.window())))));
  }

  /** GET /api/v1/units/{unit}/metrics/weekly and /api/v1/managers/{managerId}/metrics/weekly: oldest first. */
  void weekly(Context ctx, ScopeKind scope) {
    authenticator.require(ctx, Roles.READING);
    String id = ctx.pathParam(scope == ScopeKind.UNIT ? "unit" : "managerId");
    AggregateKey all = AggregateKey.allTime(scope, id);
    if (routing.relayed(ctx, views.remoteOwnerOfScope(all), "the metrics of " + id)) {
      return;
    }
    var weeks = views.weekly(scope, id);
    if (weeks.isEmpty()) {
      throw new ProblemException(Problem.notFound("no weekly metrics for " + scope.name().toLowerCase() + " '"
          + id + "'"));
    }
    ObjectNode body = mapper.createObjectNode();
    body.set("scope", mapper.createObjectNode().put(scope.field(), id));
    ArrayNode series = body.putArray("weeks");
    weeks.forEach(w -> series.add(ViewJson.metrics(w)));
    ctx.json(body);
  }
}
