package dev.koers.api;

import java.time.Duration;

/**
 * Where the HTTP API listens (port 0 picks a free port, for tests), its limits on event streams, how long a
 * query with {@code minSequence} waits at most for the view to reach it, and the secret the instances of one
 * installation share (the HS256 token key), from which they sign the queries they relay to each other; null
 * where there is none, and then this instance relays nothing; and how many commands may wait for their outcome
 * at once ({@link PendingCommands}) and how many connections it keeps open.
 */
public record ApiSettings(String host, int port, StreamLimits streams, Duration readYourWritesBound,
                          byte[] installationKey, int maxPendingCommands, int maxConnections) {

  /**
   * Open HTTP connections at most; the next waits in the operating system's backlog until one closes. Each
   * connection with a request waiting for a thread holds some 30 KB of the heap: without a bound, a flood (the
   * load harness at 1,000 commands/s) opened 10,000 of them and ran the API out of its 512 MB.
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 2_000;

  public ApiSettings(String host, int port, StreamLimits streams, Duration readYourWritesBound,
                     byte[] installationKey) {
    this(host, port, streams, readYourWritesBound, installationKey, PendingCommands.DEFAULT_MAX,
        DEFAULT_MAX_CONNECTIONS);
  }

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
