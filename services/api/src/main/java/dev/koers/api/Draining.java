package dev.koers.api;

import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first step of a stop: the instance still answers, but /ready says it is shutting down and every answer
 * closes its connection, so load balancers and clients move to another instance before the listener closes.
 */
final class Draining {

  private final AtomicBoolean draining = new AtomicBoolean();

  void start() {
    draining.set(true);
  }

  boolean isDraining() {
    return draining.get();
  }

  /** A before-handler: while draining, this answer is the connection's last. */
  void closeConnection(Context ctx) {
    if (draining.get()) {
      ctx.header("Connection", "close");
    }
  }
}
