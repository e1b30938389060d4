package dev.koers.api;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Reads a decision's view until it has at least the asked sequence, polling the local store with a growing
 * pause, never longer than the bound; past it the answer is a 503 naming what was awaited. Each wait holds a
 * server thread, so only so many may wait at once: one more is told at once to ask again, and callers that ask for
 * sequences never written cannot take every thread of the server.
 */
final class SequenceWait {

  static final Duration DEFAULT_BOUND = Duration.ofSeconds(5);
  /** Well under the server's 250 threads, so that waits never starve the other routes. */
  static final int DEFAULT_MAX_WAITING = 64;
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
  private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Duration bound;
  private final Semaphore waiting;

  SequenceWait(Duration bound) {
    this(bound, DEFAULT_MAX_WAITING);
  }

  SequenceWait(Duration bound, int maxWaiting) {
    if (bound.isNegative()) {
      throw new IllegalArgumentException("the read-your-writes bound must not be negative, not " + bound);
    }
    if (maxWaiting < 1) {
      throw new IllegalArgumentException("at least one read must be allowed to wait, not " + maxWaiting);
    }
    this.bound = bound;
    this.waiting = new Semaphore(maxWaiting);
  }

  /**
   * The view once its sequence is at least {@code min}; without {@code min}, what the store holds now. An
   * absent decision is waited for too when {@code min} is given: the caller says it was written.
   */
  <T> Optional<T> read(String what, OptionalLong min, Supplier<Optional<T>> view, ToLongFunction<T> sequence) {
    Optional<T> seen = view.get();
    if (min.isEmpty() || isAtLeast(seen, min.getAsLong(), sequence)) {
      return seen;
    }
    if (!waiting.tryAcquire()) {
      throw new ProblemException(Problem.unavailable("too many reads are waiting for their writes right now ("
          + what + " has not reached sequence " + min.getAsLong() + "); ask again"), 1);
    }
    try {
      return awaited(what, min.getAsLong(), seen, view, sequence);
    } finally {
      waiting.release();
    }
  }

  private static <T> boolean isAtLeast(Optional<T> seen, long min, ToLongFunction<T> sequence) {
    return seen.isPresent() && sequence.applyAsLong(seen.get()) >= min;
  }

  private <T> Optional<T> awaited(String what, long min, Optional<T> first, Supplier<Optional<T>> view,
      ToLongFunction<T> sequence) {
    Optional<T> seen = first;
    long deadline = System.nanoTime() + bound.toNanos();
    long pause = FIRST_PAUSE_NANOS;
    while (!isAtLeast(seen, min, sequence)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw notYet(what, min, seen.map(sequence::applyAsLong));
      }
      LockSupport.parkNanos(Math.min(pause, left));
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new ProblemException(Problem.unavailable("interrupted while waiting for " + what), 1);
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
      seen = view.get();
    }
    return seen;
  }

  private ProblemException notYet(String what, long min, Optional<Long> current) {
    return new ProblemException(Problem.unavailable(what + " has not reached sequence " + min + " within "
        + bound.toMillis() + " ms (" + current.map(s -> "the view holds sequence " + s)
        .orElse("the view holds nothing of it yet") + "); ask again"), 1);
  }

  Duration bound() {
    return bound;
  }
}
