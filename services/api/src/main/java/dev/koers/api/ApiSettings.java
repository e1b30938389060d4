package dev.koers.api;

import java.time.Duration;

/**
 * Where the HTTP API listens (port 0 picks a free port, for tests), its limits on event streams, and how long a
 * query with {@code minSequence} waits at most for the view to reach it.
 */
public record ApiSettings(String host, int port, StreamLimits streams, Duration readYourWritesBound) {

  public ApiSettings(String host, int port) {
    this(host, port, StreamLimits.DEFAULT);
  }

  public ApiSettings(String host, int port, StreamLimits streams) {
    this(host, port, streams, SequenceWait.DEFAULT_BOUND);
  }
}
