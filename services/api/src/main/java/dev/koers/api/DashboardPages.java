package dev.koers.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The browser pages: the dashboard at {@code /}, Swagger UI at {@code /api/docs}, their scripts under
 * {@code /dashboard/}, and the front-end libraries as WebJars under {@code /webjars/}. All from the jar:
 * nothing is loaded from the internet, and the pages hold no data (they read the API with the user's token).
 */
final class DashboardPages {

  /** Only this origin's scripts; no inline script, no framing, no referrer (a token never sits in a URL anyway). */
  static final Map<String, String> HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer");

  private final byte[] dashboard = Resources.bytes("koers/web/index.html");
  private final byte[] apiDocs = Resources.bytes("koers/web/api-docs.html");

  void register(JavalinConfig config) {
    config.staticFiles.enableWebjars();
    config.staticFiles.add(files -> {
      files.hostedPath = "/dashboard";
      files.directory = "/koers/web";
      files.location = Location.CLASSPATH;
      files.headers = HEADERS;
    });
    config.routes.get("/", ctx -> html(ctx, dashboard));
    config.routes.get("/api/docs", ctx -> html(ctx, apiDocs));
  }

  private static void html(Context ctx, byte[] page) {
    HEADERS.forEach(ctx::header);
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("text/html; charset=utf-8").result(page);
  }
}
