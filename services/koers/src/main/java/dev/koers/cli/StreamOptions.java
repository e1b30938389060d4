package dev.koers.cli;

import dev.koers.api.StreamLimits;
import picocli.CommandLine.Option;

/** How many event streams (GET /api/v1/stream) an instance serves, and how far a subscriber may fall behind. */
final class StreamOptions {

  @Option(names = "--max-streams", defaultValue = "200", description = "Event streams this instance keeps open at most; one more is refused with 503 and Retry-After (default: ${DEFAULT-VALUE}).")
  int maxStreams;

  @Option(names = "--max-streams-per-subject", defaultValue = "8", description = "Event streams one token subject keeps open at most; one more is refused with 429 and Retry-After (default: ${DEFAULT-VALUE}).")
  int maxStreamsPerSubject;

  @Option(names = "--stream-buffer", defaultValue = "256", description = "Changes buffered for each stream subscriber; one that falls further behind is disconnected with a final 'too slow' event (default: ${DEFAULT-VALUE}).")
  int streamBuffer;

  StreamLimits limits() {
    return new StreamLimits(maxStreams, maxStreamsPerSubject, streamBuffer);
  }
}
