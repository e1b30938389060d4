package dev.koers.api;

/**
 * How many event streams ({@code GET /api/v1/stream}) one instance keeps open in all and per token subject,
 * and how many changes each subscriber's buffer holds before it counts as too slow and is disconnected.
 */
public record StreamLimits(int maxStreams, int maxStreamsPerSubject, int bufferedChanges) {

  public static final StreamLimits DEFAULT = new StreamLimits(200, 8, 256);

  public StreamLimits {
    require(maxStreams, "the number of streams per instance");
    require(maxStreamsPerSubject, "the number of streams per token subject");
    require(bufferedChanges, "a stream's buffer");
  }

  private static void require(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, was " + value);
    }
  }
}
