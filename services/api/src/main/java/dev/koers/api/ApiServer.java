package dev.koers.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.api.auth.Authenticator;
import dev.koers.api.auth.Forbidden;
import dev.koers.api.auth.Unauthorized;
import dev.koers.domain.metrics.ScopeKind;
import dev.koers.views.DecisionQuarantined;
import dev.koers.views.ViewUnavailable;
import dev.koers.wire.KoersJson;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: every route declared here, in one place; handlers live in small route classes. */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  /** Beyond a request's own bound: a relay's connect and answer, and writing the response. */
  private static final Duration DRAIN_MARGIN = Duration.ofSeconds(7);

  private final Javalin app;
  private final StreamRoutes stream;
  private final Draining draining;

  private ApiServer(Javalin app, StreamRoutes stream, Draining draining) {
    this.app = app;
    this.stream = stream;
    this.draining = draining;
  }

  public static ApiServer start(ApiSettings settings, ApiBackends backends) {
    ObjectMapper mapper = KoersJson.mapper();
    PrometheusMeterRegistry registry = backends.meters();
    new QuarantineMeters(backends.views()).bindTo(registry);
    Authenticator authenticator = new Authenticator(backends.tokens());
    PendingCommands pending = new PendingCommands(settings.maxPendingCommands());
    Gauge.builder("koers.api.commands.pending", pending, PendingCommands::pending)
        .description("commands waiting for the ledger's outcome on this instance").register(registry);
    CommandRoutes commands = backends.submitter() == null ? null : new CommandRoutes(mapper, authenticator,
        backends.submitter(), new SubmissionRequests(Clock.systemUTC()), pending);
    SequenceWait freshness = new SequenceWait(settings.readYourWritesBound());
    Forwarder forwarder = new Forwarder(freshness.bound(), RelayMark.of(settings.installationKey(),
        Clock.systemUTC()), hostAndPort -> backends.views().isInstance(hostAndPort));
    QueryRoutes queries = new QueryRoutes(authenticator, backends.views(), forwarder, mapper, freshness);
    MetricsRoutes metrics = new MetricsRoutes(authenticator, backends.views(), forwarder, mapper);
    AdminRoutes admin = new AdminRoutes(authenticator, backends.views(), forwarder, mapper);
    StreamRoutes stream = new StreamRoutes(authenticator, backends.feed(), settings.streams(), Clock.systemUTC(),
        registry);
    Draining draining = new Draining();
    Health health = new Health(backends.readiness(), backends.views(), draining);
    byte[] openApi = Resources.bytes("koers/openapi.json");
    DashboardPages pages = new DashboardPages();
    int retryAfter = backends.submitter() == null ? 1
        : (int) Math.max(1, backends.submitter().outcomeTimeout().toSeconds());
    Duration drainBound = drainBound(backends, settings);
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.jetty.host = settings.host();
      config.jetty.modifyServer(server -> DrainingHandler.install(server, drainBound, mapper));
      config.jetty.modifyServer(server -> {
        NetworkConnectionLimit limit = new NetworkConnectionLimit(settings.maxConnections(), server);
        server.addBean(limit);
        Gauge.builder("koers.api.connections", limit, NetworkConnectionLimit::getNetworkConnectionCount)
            .description("open HTTP connections; at the limit, new ones wait to be accepted").register(registry);
      });
      config.requestLogger.http(new HttpMeters(registry));
      config.routes.get("/health", health::live);
      config.routes.get("/ready", health::ready);
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(registry.scrape()));
      config.routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
      pages.register(config);
      if (commands != null) {
        commandRoutes(config, commands);
      }
      config.routes.get("/api/v1/decisions", queries::list);
      config.routes.get("/api/v1/decisions/{id}", queries::decision);
      config.routes.get("/api/v1/decisions/{id}/events", queries::events);
      // A relay mark that does not check is refused on every route, not only where it would matter.
      config.routes.before("/api/v1/*", forwarder::isForwarded);
      config.routes.before("/api/v1/stream", stream::authorize);
      config.routes.sse("/api/v1/stream", stream::subscribe);
      config.routes.get("/api/v1/units/{unit}/metrics", ctx -> metrics.document(ctx, ScopeKind.UNIT));
      config.routes.get("/api/v1/units/{unit}/metrics/weekly", ctx -> metrics.weekly(ctx, ScopeKind.UNIT));
      config.routes.get("/api/v1/managers/{managerId}/metrics", ctx -> metrics.document(ctx, ScopeKind.MANAGER));
      config.routes.get("/api/v1/managers/{managerId}/metrics/weekly",
          ctx -> metrics.weekly(ctx, ScopeKind.MANAGER));
      config.routes.get("/api/v1/admin/quarantine", admin::quarantine);
      config.routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.problem(), e.retryAfterSeconds()));
      config.routes.before(ctx -> ctx.header("X-Koers-Instance", settings.host() + ":" + settings.port()));
      config.routes.before(draining::closeConnection);
      config.routes.exception(Unauthorized.class, (e, ctx) -> {
        ctx.header("WWW-Authenticate", "Bearer realm=\"koers\"");
        problem(ctx, Problem.of(401, "Unauthorized", e.getMessage()), 0);
      });
      config.routes.exception(Forbidden.class, (e, ctx) -> problem(ctx, Problem.of(403, "Forbidden", e.getMessage()), 0));
      config.routes.exception(ViewUnavailable.class,
          (e, ctx) -> problem(ctx, Problem.unavailable(e.getMessage()), 1));
      config.routes.exception(DecisionQuarantined.class,
          (e, ctx) -> problem(ctx, Problem.quarantined(e.getMessage()), 0));
      config.routes.exception(CompletionException.class, (e, ctx) -> completionFailed(ctx, e, retryAfter));
      config.routes.exception(TimeoutException.class, (e, ctx) -> timedOut(ctx, retryAfter));
      config.routes.exception(Exception.class, ApiServer::unexpected);
    });
    app.start(settings.port());
    LOG.info("HTTP API listening on http://{}:{}", settings.host(), app.port());
    return new ApiServer(app, stream, draining);
  }

  /** Command routes exist only where this process can reach the ledger ('koers views' serves queries only). */
  private static void commandRoutes(JavalinConfig config, CommandRoutes commands) {
    config.routes.post("/api/v1/decisions", commands::open);
    config.routes.post("/api/v1/decisions/{id}/hearings", ctx -> commands.onDecision(ctx, CommandReaders.HEAR));
    config.routes.post("/api/v1/decisions/{id}/outcome", ctx -> commands.onDecision(ctx, CommandReaders.DECIDE));
    config.routes.post("/api/v1/decisions/{id}/communications",
        ctx -> commands.onDecision(ctx, CommandReaders.COMMUNICATE));
    config.routes.post("/api/v1/decisions/{id}/revisions", ctx -> commands.onDecision(ctx, CommandReaders.REVISE));
    config.routes.post("/api/v1/decisions/{id}/withdrawal",
        ctx -> commands.onDecision(ctx, CommandReaders.WITHDRAW));
    config.routes.post("/api/v1/decisions/{id}/feedback", ctx -> commands.onDecision(ctx, CommandReaders.FEEDBACK));
  }

  /** The longest a request in flight may take: an outcome awaited, or a relayed read-your-writes wait. */
  private static Duration drainBound(ApiBackends backends, ApiSettings settings) {
    Duration outcome = backends.submitter() == null ? Duration.ZERO : backends.submitter().outcomeTimeout();
    Duration longest = outcome.compareTo(settings.readYourWritesBound()) > 0 ? outcome : settings.readYourWritesBound();
    return longest.plus(DRAIN_MARGIN);
  }

  public int port() {
    return app.port();
  }

  private static void completionFailed(Context ctx, CompletionException e, int retryAfter) {
    Throwable cause = e.getCause();
    if (cause instanceof ProblemException p) {
      problem(ctx, p.problem(), p.retryAfterSeconds());
    } else if (cause instanceof Forbidden f) {
      problem(ctx, Problem.of(403, "Forbidden", f.getMessage()), 0);
    } else if (cause instanceof TimeoutException) {
      timedOut(ctx, retryAfter);
    } else {
      LOG.warn("Submission failed: {}", String.valueOf(cause));
      problem(ctx, Problem.unavailable("the submission could not be published: " + cause.getMessage()), retryAfter);
    }
  }

  /**
   * Whatever no other handler answers is a 500 problem. It never throws: Javalin hands a handler's own failure
   * to the handlers again, forever, when the response is gone (Jetty recycled it after a stream's client left).
   */
  private static void unexpected(Exception e, Context ctx) {
    try {
      LOG.error("Unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
      problem(ctx, Problem.of(500, "Internal server error", "an unexpected failure; the server's log has it"), 0);
    } catch (RuntimeException responseGone) {
      LOG.debug("No answer possible, the response is gone: {}", responseGone.toString());
    }
  }

  private static void timedOut(Context ctx, int retryAfter) {
    problem(ctx, Problem.unavailable("the ledger did not answer in time; retry with the same Idempotency-Key "
        + "to learn the outcome"), retryAfter);
  }

  static void problem(Context ctx, Problem problem, int retryAfterSeconds) {
    if (retryAfterSeconds > 0) {
      ctx.header("Retry-After", String.valueOf(retryAfterSeconds));
    }
    ctx.status(problem.status()).json(problem.at(ctx.path())).contentType(Problem.MEDIA_TYPE);
  }

  /**
   * Starts draining ({@link Draining}): /ready fails and every answer closes its connection, while the API still
   * serves until {@link #close()}, so load balancers and kept-alive clients move away first.
   */
  public void drain() {
    draining.start();
  }

  /**
   * Stops gracefully: new connections are refused, requests in flight finish (commands get their outcome), and
   * a request arriving meanwhile on an open connection gets a 503 with Retry-After ({@link DrainingHandler}).
   */
  @Override
  public void close() {
    draining.start();
    stream.close(); // while the server still runs, so each stream gets its final event
    app.stop();
  }

}
