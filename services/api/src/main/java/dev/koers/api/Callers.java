package dev.koers.api;

import dev.koers.schema.Actor;
import io.javalin.http.Context;

/** Who is calling. Bearer tokens and roles replace the local default (see docs/architecture.md). */
public interface Callers {

  Actor identify(Context ctx);

  /** Until tokens are configured, every caller acts as the local administrator. */
  static Callers localAdmin() {
    return ctx -> new Actor("local-admin", dev.koers.schema.Role.ADMIN);
  }
}
