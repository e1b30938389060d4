package dev.koers.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.api.auth.Authenticator;
import dev.koers.api.auth.Principal;
import dev.koers.domain.DecisionStatus;
import dev.koers.domain.view.DecisionAsOf;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.Role;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Thin handlers for queries: answered from this instance's stores, or by the instance that owns the key. */
final class QueryRoutes {

  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 500;

  private final Authenticator authenticator;
  private final ViewAccess views;
  private final Forwarder forwarder;
  private final ObjectMapper mapper;

  QueryRoutes(Authenticator authenticator, ViewAccess views, Forwarder forwarder, ObjectMapper mapper) {
    this.authenticator = authenticator;
    this.views = views;
    this.forwarder = forwarder;
    this.mapper = mapper;
  }

  /** GET /api/v1/decisions/{id} */
  void decision(Context ctx) {
    authenticator.require(ctx, Roles.READING);
    String id = DecisionIds.check("id", ctx.pathParam("id"));
    if (forwardedToOwner(ctx, id)) {
      return;
    }
    DecisionView view = views.decision(id).orElseThrow(() -> unknown(id));
    ctx.header("ETag", "\"" + view.head().sequence() + "\"").json(DecisionDocument.of(view));
  }

  /** GET /api/v1/decisions/{id}/events?asOf= : the timeline, and the decision as it stood then. */
  void events(Context ctx) {
    Principal principal = authenticator.require(ctx, Roles.READING);
    String id = DecisionIds.check("id", ctx.pathParam("id"));
    Instant asOf = instant(ctx.queryParam("asOf"));
    if (forwardedToOwner(ctx, id)) {
      return;
    }
    DecisionAsOf rebuilt = DecisionAsOf.rebuild(views.history(id).orElseThrow(() -> unknown(id)), asOf);
    if (!rebuilt.existed()) {
      throw new ProblemException(Problem.notFound("decision '" + id + "' did not exist yet at " + asOf));
    }
    // Respondent ids and comments are for auditors and administrators only.
    DecisionAsOf shown = principal.role() == Role.AUDITOR || principal.role() == Role.ADMIN
        ? rebuilt : rebuilt.withoutPersonalData();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("decisionId", id);
    body.put("asOf", asOf);
    body.put("decision", DecisionDocument.of(shown.decision()));
    body.put("events", shown.events());
    ctx.json(body);
  }

  /** GET /api/v1/decisions?unit=&managerId=&status=&after=&limit= : gathered from every instance. */
  void list(Context ctx) {
    authenticator.require(ctx, Roles.READING);
    int limit = limit(ctx.queryParam("limit"));
    String after = ctx.queryParam("after");
    Predicate<DecisionView> filter = filter(ctx);
    List<Map<String, Object>> items = new ArrayList<>(views.page(filter, after, limit).stream()
        .map(DecisionDocument::of).toList());
    if (!Forwarder.isForwarded(ctx)) {
      for (String instance : views.otherInstances()) {
        items.addAll(remoteItems(ctx, instance));
      }
    }
    items.sort(Comparator.comparing(m -> (String) m.get("decisionId")));
    List<Map<String, Object>> page = items.subList(0, Math.min(limit, items.size()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page);
    body.put("next", page.size() == limit ? page.get(page.size() - 1).get("decisionId") : null);
    ctx.json(body);
  }

  private List<Map<String, Object>> remoteItems(Context ctx, String instance) {
    HttpResponse<String> response = forwarder.get(ctx, instance, pathAndQuery(ctx));
    if (response.statusCode() != 200) {
      throw new ProblemException(Problem.unavailable("the views instance at " + instance + " answered "
          + response.statusCode() + "; try again"), 1);
    }
    try {
      JsonNode items = mapper.readTree(response.body()).get("items");
      List<Map<String, Object>> list = new ArrayList<>();
      for (JsonNode item : items) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = mapper.treeToValue(item, LinkedHashMap.class);
        list.add(map);
      }
      return list;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean forwardedToOwner(Context ctx, String id) {
    Optional<String> owner = views.remoteOwner(id);
    if (owner.isEmpty()) {
      return false;
    }
    if (Forwarder.isForwarded(ctx)) {
      throw new ProblemException(Problem.unavailable("this instance no longer owns '" + id + "' (rebalancing)"), 1);
    }
    Forwarder.relay(ctx, forwarder.get(ctx, owner.get(), pathAndQuery(ctx)));
    return true;
  }

  private static Predicate<DecisionView> filter(Context ctx) {
    String unit = ctx.queryParam("unit");
    String managerId = ctx.queryParam("managerId");
    DecisionStatus status = status(ctx.queryParam("status"));
    return v -> (unit == null || unit.equals(v.opening().unit()))
        && (managerId == null || managerId.equals(v.opening().managerId()))
        && (status == null || status == v.head().status());
  }

  private static DecisionStatus status(String text) {
    if (text == null) {
      return null;
    }
    try {
      return DecisionStatus.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw JsonBody.bad("status", "'status' must be one of OPEN, DECIDED, WITHDRAWN, not '" + text + "'");
    }
  }

  private static int limit(String text) {
    if (text == null) {
      return DEFAULT_PAGE;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_PAGE) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw JsonBody.bad("limit", "'limit' must be a whole number from 1 to " + MAX_PAGE);
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw JsonBody.bad("asOf", "'asOf' must be an ISO-8601 instant with an offset, such as "
          + "2026-11-27T09:30:00Z, not '" + text + "'");
    }
  }

  private static ProblemException unknown(String id) {
    return new ProblemException(Problem.notFound("no decision with id '" + id + "'"));
  }

  private static String pathAndQuery(Context ctx) {
    return ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
  }
}
