package dev.koers.cluster;

import dev.koers.cluster.AnswerTally.Answer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP client as a real one behaves behind a load balancer: it sends each request to one of the instances, and
 * when the answer is a 503 with Retry-After, or the connection is refused or breaks, it sends the very same
 * request (the same Idempotency-Key and bytes) to the next instance, after the pause Retry-After asks for. Every
 * attempt is counted in the {@link AnswerTally}; the final answer is returned, or empty past the deadline.
 */
final class RetryingClient {

  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
  private static final Duration REFUSED_PAUSE = Duration.ofMillis(200);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3)).build();
  private final List<String> instances;
  private final String token;
  private final AnswerTally tally;
  private final Duration deadline;
  private int next;

  RetryingClient(List<String> instances, int first, String token, AnswerTally tally, Duration deadline) {
    this.instances = List.copyOf(instances);
    this.next = first % instances.size();
    this.token = token;
    this.tally = tally;
    this.deadline = deadline;
  }

  Optional<HttpResponse<String>> post(String path, String body, String idempotencyKey) throws InterruptedException {
    return send("POST " + path + " [" + idempotencyKey + "]", base -> HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Optional<HttpResponse<String>> get(String path, String... headers) throws InterruptedException {
    return send("GET " + path, base -> {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
      for (int i = 0; i < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      return request;
    });
  }

  private interface RequestFor {
    HttpRequest.Builder at(String base);
  }

  private Optional<HttpResponse<String>> send(String what, RequestFor requestFor) throws InterruptedException {
    long giveUp = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < giveUp) {
      String base = instances.get(next);
      HttpRequest request = requestFor.at(base).header("Authorization", "Bearer " + token)
          .timeout(Duration.ofSeconds(30)).build();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (response.statusCode() == 503 && retryAfter.isPresent()) {
          tally.count(Answer.RETRYABLE, what);
          moveOn(Duration.ofSeconds(Long.parseLong(retryAfter.get())));
          continue;
        }
        boolean ok = response.statusCode() / 100 == 2;
        tally.count(ok ? Answer.OK : Answer.FAILED, what + " at " + base + ": " + response.statusCode() + " "
            + response.body());
        return Optional.of(response);
      } catch (ConnectException e) {
        tally.count(Answer.REFUSED, what);
        moveOn(REFUSED_PAUSE);
      } catch (IOException e) {
        tally.count(Answer.BROKEN, what + " at " + base + ": " + e);
        moveOn(REFUSED_PAUSE);
      }
    }
    tally.count(Answer.GAVE_UP, what + " after " + deadline);
    return Optional.empty();
  }

  private void moveOn(Duration pause) throws InterruptedException {
    next = (next + 1) % instances.size();
    Thread.sleep(Math.min(pause.toMillis(), LONGEST_PAUSE.toMillis())); // the client's back-off, as Retry-After asks
  }
}
