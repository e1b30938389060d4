package dev.koers.api;

import dev.koers.api.auth.Authenticator;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;

/**
 * GET /api/v1/stream: server-sent events, one per change of a view ({@code event: decision} or
 * {@code event: metrics}, data as the matching query answers it). {@code ?unit=} keeps one unit's changes.
 */
final class StreamRoutes {

  private final Authenticator authenticator;
  private final ViewFeed feed;

  StreamRoutes(Authenticator authenticator, ViewFeed feed) {
    this.authenticator = authenticator;
    this.feed = feed;
  }

  /** Runs before the stream opens, so a refused caller gets a plain 401/403 problem, not an empty stream. */
  void authorize(Context ctx) {
    authenticator.require(ctx, Roles.READING);
  }

  void subscribe(SseClient client) {
    String unit = client.ctx().queryParam("unit");
    ViewFeed.Subscriber subscriber = change -> {
      if (unit == null || unit.equals(change.unit())) {
        client.sendEvent(change.event(), change.data().toString(), change.id());
      }
    };
    client.keepAlive();
    client.onClose(() -> feed.unsubscribe(subscriber));
    feed.subscribe(subscriber);
    client.sendComment("subscribed" + (unit == null ? "" : " to unit " + unit));
  }
}
