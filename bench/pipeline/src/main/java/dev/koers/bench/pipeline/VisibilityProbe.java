package dev.koers.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a decision back as its writer does (docs/api.md, "Reading your own writes"):
 * {@code GET /api/v1/decisions/{id}?minSequence=N}, which answers once the view holds sequence N or later.
 */
final class VisibilityProbe {

  private final HttpClient http;
  private final String apiUrl;
  private final String token;

  VisibilityProbe(HttpClient http, String apiUrl, String token) {
    this.http = http;
    this.apiUrl = apiUrl;
    this.token = token;
  }

  /** Completes with the answer's status: 200 when the decision was visible at that sequence. */
  CompletableFuture<Integer> read(String decisionId, long sequence) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/decisions/" + decisionId
            + "?minSequence=" + sequence))
        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
  }
}
