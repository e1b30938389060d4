package dev.koers.api;

import java.time.Duration;

/**
 * Where the HTTP API listens (port 0 picks a free port, for tests), its limits on event streams, how long a
 * query with {@code minSequence} waits at most for the view to reach it, and the secret the instances of one
 * installation share (the HS256 token key), from which they sign the queries they relay to each other; null
 * where there is none, and then this instance relays nothing.
 */
public record ApiSettings(String host, int port, StreamLimits streams, Duration readYourWritesBound,
                          byte[] installationKey) {

  public ApiSettings(String host, int port) {
    this(host, port, StreamLimits.DEFAULT);
  }

  public ApiSettings(String host, int port, StreamLimits streams) {
    this(host, port, streams, SequenceWait.DEFAULT_BOUND);
  }

  public ApiSettings(String host, int port, StreamLimits streams, Duration readYourWritesBound) {
    this(host, port, streams, readYourWritesBound, null);
  }

  public ApiSettings(String host, int port, StreamLimits streams, byte[] installationKey) {
    this(host, port, streams, SequenceWait.DEFAULT_BOUND, installationKey);
  }

  public ApiSettings(String host, int port, byte[] installationKey) {
    this(host, port, StreamLimits.DEFAULT, SequenceWait.DEFAULT_BOUND, installationKey);
  }
}
