package dev.koers.cluster;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a client waits before its next attempt: doubling from 200 ms up to 5 s, with jitter, so that clients
 * whose requests timed out together do not all come back at once and swamp a recovering installation.
 */
final class Backoff {

  private static final long FIRST_MS = 200;
  private static final long MAX_MS = 5_000;

  private Backoff() {}

  /** The wait after failed attempt number {@code attempt} (1 for the first). */
  static Duration after(int attempt) {
    long ceiling = Math.min(MAX_MS, FIRST_MS << Math.min(attempt - 1, 10));
    return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
  }
}
