package dev.koers.api;

/** Where the HTTP API listens (port 0 picks a free port, for tests), and its limits on event streams. */
public record ApiSettings(String host, int port, StreamLimits streams) {

  public ApiSettings(String host, int port) {
    this(host, port, StreamLimits.DEFAULT);
  }
}
