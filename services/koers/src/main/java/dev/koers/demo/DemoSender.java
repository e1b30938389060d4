package dev.koers.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Sends the demo's steps through the real HTTP API, each with a token minted for its actor from the instance's
 * key and an Idempotency-Key, so a retry after a timeout or a 503 is safe. Waits for a step's moment and for
 * its turn under the rate.
 */
final class DemoSender {

  private static final int ATTEMPTS = 6;
  private static final Duration TOKEN_TTL = Duration.ofHours(8);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Principal, String> tokens = new ConcurrentHashMap<>();
  private final String baseUrl;
  private final TokenMinter minter;
  private final Pace pace;
  private final Clock clock;
  private final DemoTally tally;
  private final Consumer<String> out;

  DemoSender(String baseUrl, TokenMinter minter, double rate, Clock clock, DemoTally tally, Consumer<String> out) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.minter = minter;
    this.pace = new Pace(rate);
    this.clock = clock;
    this.tally = tally;
    this.out = out;
  }

  /** Sends a story's steps in order; a refused step does not stop the story (its later steps say what follows). */
  void tell(Iterable<DemoStep> story) throws InterruptedException {
    for (DemoStep step : story) {
      long due = step.occurredAt().toEpochMilli() - clock.millis();
      if (due > 0) {
        Thread.sleep(due); // live traffic: the step's moment has not come yet
      }
      pace.await();
      record(step, send(step));
    }
  }

  private void record(DemoStep step, Answer answer) {
    if (answer.accepted()) {
      if (step.deliberatelyBad()) {
        tally.rejected("BAD_REQUEST_ACCEPTED");
        out.accept("a deliberately bad request was accepted: " + step.path());
      } else {
        tally.accepted();
      }
    } else if (step.refusedBy().contains(answer.rule())) {
      tally.refusedAsIntended(answer.rule());
    } else {
      tally.rejected(answer.rule());
      out.accept("rejected " + step.kind() + " of " + step.decisionId() + ": " + answer.rule() + ": " + answer.detail());
    }
  }

  private Answer send(DemoStep step) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + step.path()))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + tokens.computeIfAbsent(step.actor(),
            actor -> minter.mint(actor, TOKEN_TTL, clock.instant())))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", step.idempotencyKey())
        .POST(HttpRequest.BodyPublishers.ofString(step.body().toString())).build();
    Answer last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        last = Answer.of(response, json);
        if (response.statusCode() != 503) {
          return last;
        }
        Thread.sleep(1000L * Math.min(5, response.headers().firstValueAsLong("Retry-After").orElse(1)));
      } catch (IOException e) {
        last = new Answer(false, "UNREACHABLE", String.valueOf(e.getMessage()));
        Thread.sleep(1000L * attempt);
      }
    }
    return last;
  }

  /**
   * The API's answer: accepted (201), or the rule that refused it: the problem's rule, else its type's name
   * ({@code urn:koers:problem:not-taken} is {@code NOT_TAKEN}), else its status and field.
   */
  record Answer(boolean accepted, String rule, String detail) {
    private static final String PROBLEM = "urn:koers:problem:";

    static Answer of(HttpResponse<String> response, ObjectMapper json) {
      if (response.statusCode() == 201) {
        return new Answer(true, null, null);
      }
      JsonNode problem;
      try {
        problem = json.readTree(response.body());
      } catch (IOException e) {
        problem = json.createObjectNode();
      }
      String type = problem.path("type").asText("");
      String rule = problem.hasNonNull("rule") ? problem.get("rule").asText()
          : type.startsWith(PROBLEM) ? type.substring(PROBLEM.length()).toUpperCase(Locale.ROOT).replace('-', '_')
          : "HTTP_" + response.statusCode() + (problem.hasNonNull("field") ? "_" + problem.get("field").asText() : "");
      return new Answer(false, rule, problem.path("detail").asText(response.body()));
    }
  }

  /** At most {@code rate} requests a second over all senders: each takes the next free slot. */
  static final class Pace {
    private final long intervalNanos;
    private long next = System.nanoTime();

    Pace(double rate) {
      this.intervalNanos = (long) (1_000_000_000L / rate);
    }

    void await() throws InterruptedException {
      long slot;
      synchronized (this) {
        slot = Math.max(next, System.nanoTime());
        next = slot + intervalNanos;
      }
      long wait = slot - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
  }
}
