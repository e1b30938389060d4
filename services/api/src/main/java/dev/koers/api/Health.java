package dev.koers.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** GET /health: the process is alive. GET /ready: Kafka is reachable and every stream application runs. */
final class Health {

  private final Readiness readiness;

  Health(Readiness readiness) {
    this.readiness = readiness;
  }

  void live(Context ctx) {
    ctx.json(Map.of("status", "UP"));
  }

  void ready(Context ctx) {
    List<String> problems = readiness.problems();
    if (problems.isEmpty()) {
      ctx.json(Map.of("status", "READY"));
    } else {
      ctx.status(503).header("Retry-After", "1").json(Map.of("status", "NOT_READY", "problems", problems));
    }
  }
}
