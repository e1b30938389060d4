package dev.koers.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.api.auth.Authenticator;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Routes for administrators operating Koers (docs/operations.md). */
final class AdminRoutes {

  private final Authenticator authenticator;
  private final ViewAccess views;
  private final AllInstances instances;
  private final ObjectMapper mapper;

  AdminRoutes(Authenticator authenticator, ViewAccess views, Forwarder forwarder, ObjectMapper mapper) {
    this.authenticator = authenticator;
    this.views = views;
    this.instances = new AllInstances(views, forwarder, mapper);
    this.mapper = mapper;
  }

  /** GET /api/v1/admin/quarantine : every decision the views have set aside, from every instance. */
  void quarantine(Context ctx) {
    authenticator.require(ctx, Roles.ADMINISTERING);
    List<JsonNode> items = new ArrayList<>(instances.items(ctx, views.quarantined().stream()
        .map(entry -> (JsonNode) mapper.valueToTree(entry)).toList()));
    items.sort(Comparator.comparing(item -> item.get("decisionId").asText()));
    ObjectNode body = mapper.createObjectNode();
    body.putArray("items").addAll(items);
    ctx.json(body);
  }
}
