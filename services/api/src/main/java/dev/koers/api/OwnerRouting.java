package dev.koers.api;

import io.javalin.http.Context;
import java.util.Optional;

/** Answer here, or relay the answer of the instance that owns the key. */
final class OwnerRouting {

  private final Forwarder forwarder;

  OwnerRouting(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  /** True when the request was answered by relaying it to {@code owner}. */
  boolean relayed(Context ctx, Optional<String> owner, String what) {
    if (owner.isEmpty()) {
      return false;
    }
    if (forwarder.isForwarded(ctx)) {
      throw new ProblemException(Problem.unavailable("this instance no longer owns " + what + " (rebalancing)"), 1);
    }
    Forwarder.relay(ctx, forwarder.get(ctx, owner.get(), pathAndQuery(ctx)));
    return true;
  }

  static String pathAndQuery(Context ctx) {
    return ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
  }
}
