package dev.koers.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.api.auth.Authenticator;
import dev.koers.api.auth.Principal;
import dev.koers.domain.DecisionStatus;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.view.DecisionAsOf;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Role;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.documents.ViewJson;
import dev.koers.documents.ViewRecords;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/** Thin handlers for decision queries: answered from this instance's stores, or by the key's owner. */
final class QueryRoutes {

  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 500;
  /**
   * Past means are withheld from viewers and managers: two moments either side of one feedback would give
   * that respondent's ratings by subtraction. The respondent counts stay.
   */
  private static final Anonymity PAST_SCORES = new Anonymity(Integer.MAX_VALUE);

  private final Authenticator authenticator;
  private final ViewAccess views;
  private final AllInstances instances;
  private final OwnerRouting routing;
  private final ObjectMapper mapper;
  private final SequenceWait freshness;

  QueryRoutes(Authenticator authenticator, ViewAccess views, Forwarder forwarder, ObjectMapper mapper,
      SequenceWait freshness) {
    this.authenticator = authenticator;
    this.views = views;
    this.instances = new AllInstances(views, forwarder, mapper);
    this.routing = new OwnerRouting(forwarder);
    this.mapper = mapper;
    this.freshness = freshness;
  }

  /** GET /api/v1/decisions/{id}?minSequence= */
  void decision(Context ctx) {
    authenticator.require(ctx, Roles.READING);
    String id = DecisionIds.check("id", ctx.pathParam("id"));
    OptionalLong minSequence = MinSequence.of(ctx);
    if (routing.relayed(ctx, views.remoteOwner(id), "decision '" + id + "'")) {
      return;
    }
    DecisionSummary summary = freshness.read("decision '" + id + "'", minSequence, () -> views.decision(id),
        DecisionSummary::getSequence).orElseThrow(() -> unknown(id));
    ctx.header("ETag", "\"" + summary.getSequence() + "\"").json(ViewJson.decision(summary));
  }

  /**
   * GET /api/v1/decisions/{id}/events?asOf=&minSequence= : the timeline, and the decision as it stood then.
   */
  void events(Context ctx) {
    Principal principal = authenticator.require(ctx, Roles.READING);
    String id = DecisionIds.check("id", ctx.pathParam("id"));
    Instant asOf = QueryParams.instant("asOf", ctx.queryParam("asOf"));
    OptionalLong minSequence = MinSequence.of(ctx);
    if (routing.relayed(ctx, views.remoteOwner(id), "decision '" + id + "'")) {
      return;
    }
    List<DecisionEvent> history = freshness.read("the events of decision '" + id + "'", minSequence,
        () -> views.history(id), QueryRoutes::lastSequence).orElseThrow(() -> unknown(id));
    DecisionAsOf rebuilt = DecisionAsOf.rebuild(history, asOf);
    if (!rebuilt.existed()) {
      throw new ProblemException(Problem.notFound("decision '" + id + "' did not exist yet at " + asOf));
    }
    boolean everything = principal.role() == Role.AUDITOR || principal.role() == Role.ADMIN;
    DecisionAsOf shown = everything ? rebuilt : rebuilt.withoutPersonalData();
    ObjectNode body = mapper.createObjectNode();
    body.put("decisionId", id);
    body.put("asOf", asOf == null ? null : asOf.toString());
    body.set("decision", ViewJson.decision(ViewRecords.decision(shown.decision(),
        DecisionMetrics.of(shown.facts(), everything || asOf == null ? views.anonymity() : PAST_SCORES))));
    body.set("events", mapper.valueToTree(shown.events()));
    ctx.json(body);
  }

  /** GET /api/v1/decisions?unit=&managerId=&status=&after=&limit= : gathered from every instance. */
  void list(Context ctx) {
    authenticator.require(ctx, Roles.READING);
    int limit = QueryParams.limit(ctx.queryParam("limit"), DEFAULT_PAGE, MAX_PAGE);
    List<JsonNode> items = new ArrayList<>(instances.items(ctx, views.page(filter(ctx), ctx.queryParam("after"),
        limit).stream().map(ViewJson::decision).map(JsonNode.class::cast).toList()));
    items.sort(Comparator.comparing(item -> item.get("decisionId").asText()));
    List<JsonNode> page = items.subList(0, Math.min(limit, items.size()));
    ObjectNode body = mapper.createObjectNode();
    ArrayNode array = body.putArray("items");
    page.forEach(array::add);
    body.put("next", page.size() == limit ? page.get(page.size() - 1).get("decisionId").asText() : null);
    ctx.json(body);
  }

  private static Predicate<DecisionView> filter(Context ctx) {
    String unit = ctx.queryParam("unit");
    String managerId = ctx.queryParam("managerId");
    DecisionStatus status = QueryParams.status(ctx.queryParam("status"));
    return v -> (unit == null || unit.equals(v.opening().unit()))
        && (managerId == null || managerId.equals(v.opening().managerId()))
        && (status == null || status == v.head().status());
  }

  private static long lastSequence(List<DecisionEvent> history) {
    return history.stream().mapToLong(DecisionEvent::getSequence).max().orElse(0);
  }

  private static ProblemException unknown(String id) {
    return new ProblemException(Problem.notFound("no decision with id '" + id + "'"));
  }
}
