package dev.koers.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * One HTTP client as a real one behaves: every command carries an Idempotency-Key; on a timeout, a connection
 * error or a 502/503/504 it sends the same request with the same key again (to the next instance, as a load
 * balancer would, after the Retry-After it was given or an exponential back-off, whichever is longer), and it
 * keeps the first definitive answer it gets. It runs
 * {@code lanes} decision scripts at once, one step after the other in each, until told to stop.
 */
public final class HttpLoadClient {

  private static final Set<Integer> RETRYABLE = Set.of(502, 503, 504);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);

  private final String name;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> instances;
  private final Scripts scripts;
  private final Acknowledgements acknowledgements;
  private final Duration requestTimeout;
  private final Duration giveUpAfter;
  private final AtomicInteger decisions = new AtomicInteger();
  private final AtomicLong retries = new AtomicLong();
  private final Map<String, HttpStep> sent = new ConcurrentHashMap<>();

  /** The steps of the decisions this client makes; {@code Scripts.http} builds them. */
  public interface Scripts {

    /** The steps of decision number {@code n} of this client, in order. */
    List<HttpStep> decision(int n);
  }

  /** One command: its path, JSON body, bearer token and Idempotency-Key. */
  public record HttpStep(String decisionId, String path, String body, String token, String idempotencyKey) {}

  /**
   * @param instances the API instances' base URLs
   * @param requestTimeout how long one attempt may take (more than the API's outcome timeout)
   * @param giveUpAfter how long one step may take over all its attempts before the load fails
   */
  public HttpLoadClient(String name, List<String> instances, Scripts scripts, Acknowledgements acknowledgements,
                        Duration requestTimeout, Duration giveUpAfter) {
    this.name = name;
    this.instances = List.copyOf(instances);
    this.scripts = scripts;
    this.acknowledgements = acknowledgements;
    this.requestTimeout = requestTimeout;
    this.giveUpAfter = giveUpAfter;
  }

  /** Runs {@code lanes} decisions at once; a lane stops before its next step once {@code stop} is true. */
  public CompletableFuture<Void> run(int lanes, BooleanSupplier stop) {
    return CompletableFuture.allOf(IntStream.range(0, lanes)
        .mapToObj(lane -> lane(lane, stop)).toArray(CompletableFuture[]::new));
  }

  /**
   * Sends every acknowledged step of this client once more, the same request with the same key (starting at the
   * other instance), and returns each whose answer is not the first answer again.
   */
  public List<String> repeat(List<Acknowledgement> acknowledgements) {
    return Repeats.different(acknowledgements, ack -> attempt(sent.get(ack.key()), 1, 1,
        Instant.now().plus(giveUpAfter), "none").thenApply(Reply::answer));
  }

  /** Whether this client sent that submission (decision/key). */
  public boolean sent(Acknowledgement acknowledgement) {
    return sent.containsKey(acknowledgement.key());
  }

  public String name() {
    return name;
  }

  public long retries() {
    return retries.get();
  }

  private CompletableFuture<Void> lane(int lane, BooleanSupplier stop) {
    if (stop.getAsBoolean()) {
      return CompletableFuture.completedFuture(null);
    }
    List<HttpStep> steps = scripts.decision(decisions.getAndIncrement());
    return steps(steps, 0, lane, stop).thenCompose(done -> lane(lane, stop));
  }

  private CompletableFuture<Void> steps(List<HttpStep> steps, int index, int lane, BooleanSupplier stop) {
    if (index == steps.size() || stop.getAsBoolean()) {
      return CompletableFuture.completedFuture(null);
    }
    HttpStep step = steps.get(index);
    sent.put(step.decisionId() + "/" + step.idempotencyKey(), step);
    return attempt(step, lane, 1, Instant.now().plus(giveUpAfter), "none")
        .thenApply(reply -> acknowledge(step, reply)).thenCompose(answer -> answer.accepted()
        ? steps(steps, index + 1, lane, stop)
        : CompletableFuture.completedFuture(null)); // a refused step ends its decision; the checks report it
  }

  /** A definitive answer and how many attempts it took. */
  private record Reply(HttpResponse<String> response, int attempts) {

    String answer() {
      return response.statusCode() + " " + response.body();
    }
  }

  private CompletableFuture<Reply> attempt(HttpStep step, int lane, int attempt, Instant deadline,
                                                     String lastFailure) {
    if (Instant.now().isAfter(deadline)) {
      return CompletableFuture.failedFuture(new IllegalStateException(name + ": no answer for " + step.path()
          + " (Idempotency-Key " + step.idempotencyKey() + ") after " + (attempt - 1) + " attempts in "
          + giveUpAfter + "; last: " + lastFailure));
    }
    String instance = instances.get((lane + attempt - 1) % instances.size());
    HttpRequest request = HttpRequest.newBuilder(URI.create(instance + step.path())).timeout(requestTimeout)
        .header("Authorization", "Bearer " + step.token()).header("Content-Type", "application/json")
        .header("Idempotency-Key", step.idempotencyKey())
        .POST(HttpRequest.BodyPublishers.ofString(step.body())).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
      if (error == null && !RETRYABLE.contains(response.statusCode())) {
        return CompletableFuture.completedFuture(new Reply(response, attempt));
      }
      retries.incrementAndGet();
      Duration backOff = Backoff.after(attempt);
      Duration wait = error != null || retryAfter(response).compareTo(backOff) < 0 ? backOff : retryAfter(response);
      String failure = error != null ? error.toString() : response.statusCode() + " " + response.body();
      // A client's back-off, not a wait for a state: the retry is scheduled, no thread sleeps.
      return CompletableFuture.supplyAsync(() -> null,
              CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
          .thenCompose(ignored -> attempt(step, lane, attempt + 1, deadline, failure));
    }).thenCompose(next -> next);
  }

  private Acknowledgement acknowledge(HttpStep step, Reply reply) {
    HttpResponse<String> response = reply.response();
    int attempts = reply.attempts();
    String answer = reply.answer();
    Acknowledgement acknowledgement;
    if (response.statusCode() == 201) {
      JsonNode body = parse(response.body());
      acknowledgement = new Acknowledgement(step.decisionId(), step.idempotencyKey(), true,
          body.path("eventId").asText(), body.path("sequence").asLong(-1), answer, attempts, Instant.now());
    } else {
      acknowledgement = new Acknowledgement(step.decisionId(), step.idempotencyKey(), false, null, -1, answer,
          attempts, Instant.now());
    }
    acknowledgements.add(acknowledgement);
    return acknowledgement;
  }

  private static Duration retryAfter(HttpResponse<String> response) {
    return response.headers().firstValue("Retry-After").map(HttpLoadClient::seconds)
        .filter(d -> d.compareTo(MAX_RETRY_AFTER) < 0).orElse(MAX_RETRY_AFTER);
  }

  private static Duration seconds(String value) {
    try {
      return Duration.ofSeconds(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return MAX_RETRY_AFTER;
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("a 201 whose body is not JSON: " + body, e);
    }
  }
}
