package dev.koers.api;

import dev.koers.api.auth.Authenticator;
import dev.koers.api.auth.Session;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GET /api/v1/stream: server-sent events, one per change of a view ({@code event: decision} or
 * {@code event: metrics}, data as the matching query answers it). {@code ?unit=} keeps one unit's changes.
 * Each subscriber is written to by its own {@link StreamSubscription}; {@link StreamSlots} limits how many.
 */
final class StreamRoutes implements AutoCloseable {

  /** How long a refused client is asked to wait: streams end when their clients leave or tokens expire. */
  static final int RETRY_AFTER_SECONDS = 10;

  private static final String SESSION = "koers.stream.session";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final Authenticator authenticator;
  private final ViewFeed feed;
  private final StreamSlots slots;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Set<StreamSubscription> live = ConcurrentHashMap.newKeySet();
  private final AtomicLong opened = new AtomicLong();

  StreamRoutes(Authenticator authenticator, ViewFeed feed, StreamLimits limits, Clock clock, MeterRegistry meters) {
    this.authenticator = authenticator;
    this.feed = feed;
    this.slots = new StreamSlots(limits);
    this.clock = clock;
    this.meters = meters;
    Gauge.builder("koers.stream.open", slots, StreamSlots::open)
        .description("Event streams open on this instance").register(meters);
  }

  /**
   * Runs before the stream opens, so a refused caller gets a plain problem (401, 403, 406, 429, 503), not an
   * empty stream: once the stream's headers are sent, its status can no longer change.
   */
  void authorize(Context ctx) {
    Session session = authenticator.session(ctx, Roles.READING);
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new ProblemException(Problem.of(406, "Not acceptable",
          "the event stream answers only 'Accept: text/event-stream'"));
    }
    slots.refusal(session.principal().subject()).ifPresent(refusal -> {
      throw refused(refusal);
    });
    ctx.attribute(SESSION, session);
  }

  void subscribe(SseClient client) {
    Session session = client.ctx().attribute(SESSION);
    String subject = session.principal().subject();
    client.keepAlive();
    // Checked again while taking the slot: another stream may have taken the last one since authorize.
    Optional<StreamSlots.Refusal> refusal = slots.take(subject);
    if (refusal.isPresent()) {
      count(refusal.get());
      client.sendEvent("error", StreamEnd.TOO_MANY_STREAMS.ended(slots.limits()));
      client.close();
      return;
    }
    StreamSubscription subscription = new StreamSubscription(client, client.ctx().queryParam("unit"),
        session.expiresAt(), clock, slots.limits(), "koers-stream-" + opened.incrementAndGet(),
        ended -> ended(ended, subject));
    client.ctx().req().getAsyncContext().addListener(new ClientLeaving(subscription));
    live.add(subscription);
    feed.subscribe(subscription);
    subscription.start();
  }

  private void ended(StreamSubscription subscription, String subject) {
    feed.unsubscribe(subscription);
    live.remove(subscription);
    slots.release(subject);
    meters.counter("koers.stream.ended", "reason", subscription.ending().reason()).increment();
  }

  /** Tells a subscription when the server finishes its request without it: the client left, or failed. */
  private record ClientLeaving(StreamSubscription subscription) implements AsyncListener {
    @Override
    public void onComplete(AsyncEvent event) {
      subscription.clientGone();
    }

    @Override
    public void onError(AsyncEvent event) {
      subscription.clientGone();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      // streams have no async timeout
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // nothing to do
    }
  }

  private void count(StreamSlots.Refusal refusal) {
    meters.counter("koers.stream.refused", "limit", refusal.name().toLowerCase(Locale.ROOT)).increment();
  }

  private ProblemException refused(StreamSlots.Refusal refusal) {
    count(refusal);
    StreamLimits limits = slots.limits();
    if (refusal == StreamSlots.Refusal.SUBJECT) {
      return new ProblemException(Problem.of(429, "Too many streams", "this token's subject already has "
          + limits.maxStreamsPerSubject() + " streams open (--max-streams-per-subject); close one or retry later"),
          RETRY_AFTER_SECONDS);
    }
    return new ProblemException(Problem.unavailable("this instance already serves " + limits.maxStreams()
        + " streams (--max-streams); retry later or at another instance"), RETRY_AFTER_SECONDS);
  }

  /** Ends every open stream with a final event, and waits a bounded time for them to be written. */
  @Override
  public void close() {
    List<StreamSubscription> open = List.copyOf(live);
    open.forEach(subscription -> subscription.end(StreamEnd.SHUTTING_DOWN));
    Instant deadline = clock.instant().plus(CLOSE_TIMEOUT);
    try {
      for (StreamSubscription subscription : open) {
        subscription.awaitEnd(Duration.between(clock.instant(), deadline));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
