package dev.koers.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the views instance that owns a key, with the caller's own token, and relays its answer. A forwarded
 * request is marked so that the owner answers from its own store and never forwards again.
 */
final class Forwarder {

  static final String FORWARDED = "X-Koers-Forwarded";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Duration timeout;

  /** The owner may wait up to {@code ownerWait} for a {@code minSequence} before it answers. */
  Forwarder(Duration ownerWait) {
    this.timeout = Duration.ofSeconds(5).plus(ownerWait);
  }

  static boolean isForwarded(Context ctx) {
    return ctx.header(FORWARDED) != null;
  }

  HttpResponse<String> get(Context ctx, String hostAndPort, String pathAndQuery) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + hostAndPort + pathAndQuery))
        .timeout(timeout).header(FORWARDED, "1").GET();
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    String minSequence = ctx.header(MinSequence.HEADER);
    if (minSequence != null) {
      request.header(MinSequence.HEADER, minSequence);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProblemException(Problem.unavailable("the views instance at " + hostAndPort
          + " that owns this key did not answer: " + e.getMessage()), 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemException(Problem.unavailable("interrupted while asking " + hostAndPort), 1);
    }
  }

  /** Relays the owner's answer as it is: status, content type, ETag, body. */
  static void relay(Context ctx, HttpResponse<String> response) {
    ctx.status(response.statusCode());
    response.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
    response.headers().firstValue("ETag").ifPresent(v -> ctx.header("ETag", v));
    response.headers().firstValue("Retry-After").ifPresent(v -> ctx.header("Retry-After", v));
    response.headers().firstValue("X-Koers-Instance").ifPresent(v -> ctx.header("X-Koers-Instance", v));
    ctx.result(response.body());
  }
}
