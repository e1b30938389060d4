package dev.koers.api;

import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One subscriber of the event stream: a bounded buffer that the feed fills without ever waiting, and a
 * thread of its own that writes the buffer to the client. A client that does not read blocks only its own
 * thread; when its buffer fills up it is ended as too slow. It also ends when its token expires.
 */
final class StreamSubscription implements ViewFeed.Subscriber {

  /** A comment this often finds a client that went away even when nothing changes. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  /** Put in the buffer to wake the writer when the stream is to end. */
  private static final ViewFeed.Change WAKE_UP = new ViewFeed.Change(null, null, null, null);

  private final SseClient client;
  private final String unit;
  private final Instant expiresAt;
  private final Clock clock;
  private final StreamLimits limits;
  private final BlockingQueue<ViewFeed.Change> buffer;
  private final AtomicReference<StreamEnd> end = new AtomicReference<>();
  private final Thread writer;
  private final Consumer<StreamSubscription> onEnd;
  private volatile boolean gone;

  StreamSubscription(SseClient client, String unit, Instant expiresAt, Clock clock, StreamLimits limits,
                     String name, Consumer<StreamSubscription> onEnd) {
    this.client = client;
    this.unit = unit;
    this.expiresAt = expiresAt;
    this.clock = clock;
    this.limits = limits;
    this.buffer = new ArrayBlockingQueue<>(limits.bufferedChanges());
    this.onEnd = onEnd;
    this.writer = new Thread(this::write, name);
    writer.setDaemon(true);
  }

  /** Called on the feed's thread: never blocks. */
  @Override
  public void accept(ViewFeed.Change change) {
    if ((unit == null || unit.equals(change.unit())) && end.get() == null && !buffer.offer(change)) {
      end(StreamEnd.TOO_SLOW);
    }
  }

  void start() {
    writer.start();
  }

  /** Asks the writer to send the final event and close; the first reason given wins. */
  void end(StreamEnd reason) {
    if (end.compareAndSet(null, reason)) {
      buffer.clear(); // what a slow client has not read yet is dropped: the final event goes next
      buffer.offer(WAKE_UP);
    }
  }

  /** Waits, bounded, for the writer to finish. */
  void awaitEnd(Duration timeout) throws InterruptedException {
    writer.join(Math.max(1, timeout.toMillis()));
  }

  /**
   * The server has finished the request on its own (the client left): from now on the client must not be
   * touched, because Jetty recycles the response and Javalin would fail on it.
   */
  void clientGone() {
    gone = true;
    end(StreamEnd.CLIENT_GONE);
  }

  private void write() {
    try {
      send(() -> client.sendComment("subscribed" + (unit == null ? "" : " to unit " + unit)));
      while (!gone && !client.terminated()) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (left.isNegative() || left.isZero()) {
          end.compareAndSet(null, StreamEnd.TOKEN_EXPIRED);
        }
        StreamEnd reason = end.get();
        if (reason != null) {
          if (reason != StreamEnd.CLIENT_GONE) {
            send(() -> client.sendEvent("error", reason.ended(limits)));
          }
          return;
        }
        ViewFeed.Change change = buffer.poll(Math.min(left.toMillis(), HEARTBEAT.toMillis()), TimeUnit.MILLISECONDS);
        if (change == null) {
          if (clock.instant().isBefore(expiresAt)) {
            send(() -> client.sendComment("keep-alive"));
          }
        } else if (change != WAKE_UP && end.get() == null) {
          send(() -> client.sendEvent(change.event(), change.json(), change.id()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!gone) {
        send(client::close);
      }
      onEnd.accept(this);
    }
  }

  /** A write to a response the server already let go of fails with whatever Jetty throws: the client is gone. */
  private void send(Runnable write) {
    if (gone) {
      return;
    }
    try {
      write.run();
    } catch (RuntimeException e) {
      gone = true;
    }
  }

  /** Why it ended, once it has: the server's reason, or the client's leaving. */
  StreamEnd ending() {
    StreamEnd reason = end.get();
    return reason == null ? StreamEnd.CLIENT_GONE : reason;
  }
}
