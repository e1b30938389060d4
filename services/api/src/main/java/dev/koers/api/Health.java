package dev.koers.api;

import dev.koers.views.ViewUnavailable;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /health: the process is alive. GET /ready: Kafka is reachable, every stream application runs and the
 * instance is not shutting down ({@link Draining}); it also
 * counts the decisions this instance has quarantined, which leave it ready (the others are served).
 */
final class Health {

  private final Readiness readiness;
  private final ViewAccess views;
  private final Draining draining;

  Health(Readiness readiness, ViewAccess views, Draining draining) {
    this.readiness = readiness;
    this.views = views;
    this.draining = draining;
  }

  void live(Context ctx) {
    ctx.json(Map.of("status", "UP"));
  }

  void ready(Context ctx) {
    List<String> problems = draining.isDraining() ? List.of("this instance is shutting down")
        : readiness.problems();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", problems.isEmpty() ? "READY" : "NOT_READY");
    if (!problems.isEmpty()) {
      body.put("problems", problems);
      ctx.status(503).header("Retry-After", "1");
    }
    quarantined().ifPresent(count -> body.put("quarantinedDecisions", count));
    ctx.json(body);
  }

  /** Empty while the views cannot say (then /ready names the reason among its problems). */
  private Optional<Integer> quarantined() {
    try {
      return Optional.of(views.quarantined().size());
    } catch (ViewUnavailable e) {
      return Optional.empty();
    }
  }
}
