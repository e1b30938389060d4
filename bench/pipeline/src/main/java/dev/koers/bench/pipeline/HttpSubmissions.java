package dev.koers.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.api.auth.Principal;
import dev.koers.schema.Submission;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Submissions over the HTTP API, as a user sends them: the command's route and JSON body, a bearer token of the
 * sender, the submission id as the Idempotency-Key; the 201 answer carries the new sequence.
 */
final class HttpSubmissions implements SubmissionPath {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final KoersInstallation koers;
  private final Map<Principal, String> tokens = new ConcurrentHashMap<>();

  HttpSubmissions(HttpClient http, KoersInstallation koers) {
    this.http = http;
    this.koers = koers;
  }

  @Override
  public String name() {
    return "HTTP";
  }

  @Override
  public boolean keepsOrderPerDecision() {
    return false;
  }

  @Override
  public CompletableFuture<Answer> submit(Submission submission) {
    HttpCommand command = HttpCommand.of(submission);
    HttpRequest request = HttpRequest.newBuilder(URI.create(koers.apiUrl() + command.path()))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + tokens.computeIfAbsent(command.sender(), koers::token))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", submission.getSubmissionId())
        .POST(HttpRequest.BodyPublishers.ofString(command.body().toString())).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(HttpSubmissions::answer);
  }

  private static Answer answer(HttpResponse<String> response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() == 201) {
        return Answer.accepted(body.path("sequence").asLong());
      }
      if (response.statusCode() == 503) {
        return Answer.unanswered("HTTP 503 (" + body.path("title").asText("unavailable") + ")");
      }
      return Answer.refused("HTTP " + response.statusCode() + " " + body.path("rule").asText(body.path("title").asText()));
    } catch (IOException e) {
      return Answer.refused("HTTP " + response.statusCode() + " (no JSON)");
    }
  }

  @Override
  public void close() {
    // the HttpClient is the scenario's
  }
}
