package dev.koers.api;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Reads a decision's view until it has at least the asked sequence, polling the local store with a growing
 * pause, never longer than the bound; past it the answer is a 503 naming what was awaited.
 */
final class SequenceWait {

  static final Duration DEFAULT_BOUND = Duration.ofSeconds(5);
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
  private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Duration bound;

  SequenceWait(Duration bound) {
    if (bound.isNegative()) {
      throw new IllegalArgumentException("the read-your-writes bound must not be negative, not " + bound);
    }
    this.bound = bound;
  }

  /**
   * The view once its sequence is at least {@code min}; without {@code min}, what the store holds now. An
   * absent decision is waited for too when {@code min} is given: the caller says it was written.
   */
  <T> Optional<T> read(String what, OptionalLong min, Supplier<Optional<T>> view, ToLongFunction<T> sequence) {
    Optional<T> seen = view.get();
    if (min.isEmpty()) {
      return seen;
    }
    long deadline = System.nanoTime() + bound.toNanos();
    long pause = FIRST_PAUSE_NANOS;
    while (seen.isEmpty() || sequence.applyAsLong(seen.get()) < min.getAsLong()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw notYet(what, min.getAsLong(), seen.map(sequence::applyAsLong));
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
