package dev.koers.wire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a failed stream thread, but only a few times within a window: a thread that keeps failing (most
 * likely on the same record) stops this instance instead (state ERROR, which /ready reports) rather than
 * looping forever.
 */
public final class ThreadReplacement implements StreamsUncaughtExceptionHandler {

  public static final int MAX_REPLACEMENTS = 3;
  public static final Duration WINDOW = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacement.class);

  private final String name;
  private final int maxReplacements;
  private final Duration window;
  private final Clock clock;
  private final Deque<Instant> failures = new ArrayDeque<>();
  private volatile String lastFailure;

  public ThreadReplacement(String name, int maxReplacements, Duration window, Clock clock) {
    this.name = name;
    this.maxReplacements = maxReplacements;
    this.window = window;
    this.clock = clock;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable e) {
    Instant now = clock.instant();
    while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(window))) {
      failures.removeFirst();
    }
    failures.addLast(now);
    lastFailure = describe(e) + " at " + now;
    if (failures.size() > maxReplacements) {
      LOG.error("{}: stream thread failed {} times within {}, stopping this instance: {}", name, failures.size(),
          window, describe(e));
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    LOG.error("{}: stream thread failed ({} of {} replacements within {}), replacing it: {}", name,
        failures.size(), maxReplacements, window, describe(e));
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  /** The last failure, for readiness reports. */
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /** The innermost cause says what went wrong; Streams wraps it once or twice. */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
  }
}
