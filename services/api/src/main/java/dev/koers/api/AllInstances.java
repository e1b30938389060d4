package dev.koers.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * For routes that span every views instance: this instance's items plus those of every other instance, each
 * asked the same request (marked forwarded, so it answers from its own stores only).
 */
final class AllInstances {

  private final ViewAccess views;
  private final Forwarder forwarder;
  private final ObjectMapper mapper;

  AllInstances(ViewAccess views, Forwarder forwarder, ObjectMapper mapper) {
    this.views = views;
    this.forwarder = forwarder;
    this.mapper = mapper;
  }

  List<JsonNode> items(Context ctx, List<JsonNode> local) {
    List<JsonNode> items = new ArrayList<>(local);
    if (!forwarder.isForwarded(ctx)) {
      for (String instance : views.otherInstances()) {
        items.addAll(remoteItems(ctx, instance));
      }
    }
    return items;
  }

  private List<JsonNode> remoteItems(Context ctx, String instance) {
    HttpResponse<String> response = forwarder.get(ctx, instance, OwnerRouting.pathAndQuery(ctx));
    if (response.statusCode() != 200) {
      throw new ProblemException(Problem.unavailable("the views instance at " + instance + " answered "
          + response.statusCode() + "; try again"), 1);
    }
    try {
      List<JsonNode> list = new ArrayList<>();
      mapper.readTree(response.body()).get("items").forEach(list::add);
      return list;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
