package dev.koers.api;

/** Why the server ends an event stream; all but {@link #CLIENT_GONE} are told in a final {@code event: error}. */
enum StreamEnd {
  TOO_SLOW("too slow", "the subscriber did not read fast enough: its buffer of %d changes filled up; reconnect"),
  TOKEN_EXPIRED("token expired", "the bearer token expired; reconnect with a fresh token"),
  TOO_MANY_STREAMS("too many streams", "a stream limit was reached while this stream opened; retry later"),
  SHUTTING_DOWN("shutting down", "this instance is stopping; reconnect to another one"),
  CLIENT_GONE("client gone", null);

  private final String reason;
  private final String detail;

  StreamEnd(String reason, String detail) {
    this.reason = reason;
    this.detail = detail;
  }

  String reason() {
    return reason;
  }

  /** The final event's data. */
  Ended ended(StreamLimits limits) {
    return new Ended(reason, String.format(detail, limits.bufferedChanges()));
  }

  /** The data of the final {@code event: error}. */
  record Ended(String reason, String detail) {}
}
