package dev.koers.bench.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a node's {@code /ready} until it answers 200 (every stream application runs, Kafka reachable). */
final class ReadyProbe {

  private static final Duration POLL = Duration.ofMillis(100);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI ready;

  ReadyProbe(String baseUrl) {
    this.ready = URI.create(baseUrl + "/ready");
  }

  /** Waits until ready; fails when {@code alive} turns false (the process exited) or time runs out. */
  void await(Duration timeout, java.util.function.BooleanSupplier alive) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!alive.getAsBoolean()) {
        throw new IllegalStateException("the node exited before it was ready");
      }
      if (isReady()) {
        return;
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException("the node was not ready within " + timeout);
  }

  private boolean isReady() throws InterruptedException {
    try {
      HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // Not listening yet.
    }
  }
}
