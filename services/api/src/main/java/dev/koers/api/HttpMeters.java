package dev.koers.api;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every HTTP request by method, route and status ({@code koers.http.requests}). The route is the matched
 * template ({@code /api/v1/decisions/{id}}), never the raw path, so a caller cannot grow the number of series.
 */
final class HttpMeters implements RequestLogger {

  static final String UNMATCHED = "unmatched";

  private final MeterRegistry meters;

  HttpMeters(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public void handle(Context ctx, Float millis) {
    Timer.builder("koers.http.requests").description("HTTP requests by method, route template and status")
        .tag("method", ctx.method().name()).tag("route", route(ctx)).tag("status", String.valueOf(ctx.statusCode()))
        .register(meters).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
  }

  private static String route(Context ctx) {
    try {
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      return endpoint == null ? UNMATCHED : endpoint.path;
    } catch (RuntimeException e) {
      return UNMATCHED;
    }
  }
}
