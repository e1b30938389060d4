package dev.koers.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Measures how an installation recovers from a fault at a given moment: how long until a command sent then on
 * every probe decision is acknowledged (its key resent every 100 ms through the instances in turn, as a client
 * would), and how long until every live API instance answers every probe decision again. The probe decisions
 * cover every partition, so a partition that no instance serves shows.
 */
final class RecoveryProbe implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration BOUND = Duration.ofSeconds(300);
  /** A pair counts as answering again after this many 200s in a row. */
  private static final int STREAK = 5;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final String token;
  private final AtomicInteger keys = new AtomicInteger();
  /** One thread per probe decision, whatever the common pool's size on a small machine. */
  private final ExecutorService workers = Executors.newCachedThreadPool();

  RecoveryProbe(String token) {
    this.token = token;
  }

  /** Opens the decisions (retrying as after a fault); a round's probes are fresh, so no decision fills up. */
  void open(List<String> decisions, List<String> apis, String managerId) {
    decisions.stream().map(d -> CompletableFuture.runAsync(() -> acknowledged(apis, "/api/v1/decisions",
        "{\"decisionId\":\"" + d + "\",\"title\":\"Probe\",\"unit\":\"probes\",\"managerId\":\"" + managerId
            + "\",\"activityGroup\":\"POWER\"}", d + "-open"), workers)).toList().forEach(CompletableFuture::join);
  }

  /** Seconds from {@code since} (System.nanoTime) until a command sent now on every decision is acknowledged. */
  double commands(long since, List<String> decisions, List<String> apis) {
    List<CompletableFuture<Long>> acks = decisions.stream().map(d -> CompletableFuture.supplyAsync(() ->
        acknowledged(apis, "/api/v1/decisions/" + d + "/hearings",
            "{\"perspective\":\"CUSTOMER\",\"depth\":\"DIALOGUE\",\"summary\":\"probe\"}",
            d + "-h" + keys.incrementAndGet()), workers)).toList();
    return seconds(since, acks.stream().mapToLong(CompletableFuture::join).max().orElse(since));
  }

  /**
   * Seconds from {@code since} until every instance answers every decision with 200 (five in a row); a pair that
   * never failed counts as 0.
   */
  double queries(long since, List<String> decisions, List<String> apis) {
    List<Pair> pairs = new ArrayList<>();
    apis.forEach(api -> decisions.forEach(d -> pairs.add(new Pair(api + "/api/v1/decisions/" + d))));
    await().atMost(BOUND).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
      pairs.stream().map(this::ask).toList().forEach(CompletableFuture::join);
      return pairs.stream().allMatch(p -> p.streak >= STREAK);
    });
    return pairs.stream().mapToDouble(p -> p.failed ? seconds(since, p.answeredAgain) : 0).max().orElse(0);
  }

  /** Runs {@code task} on this probe's own threads. */
  <T> CompletableFuture<T> async(Supplier<T> task) {
    return CompletableFuture.supplyAsync(task, workers);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private static double seconds(long since, long at) {
    return Math.max(0, at - since) / 1e9;
  }

  /** One query's answers so far: whether it ever failed, and when it answered again after its last failure. */
  private static final class Pair {
    final String url;
    boolean failed;
    int streak;
    long answeredAgain;

    Pair(String url) {
      this.url = url;
    }
  }

  private CompletableFuture<Void> ask(Pair pair) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(pair.url)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(15)).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle((response, error) -> response != null && response.statusCode() == 200)
        .thenAccept(ok -> {
          long now = System.nanoTime();
          if (ok) {
            if (pair.streak == 0) {
              pair.answeredAgain = now;
            }
            pair.streak++;
          } else {
            pair.failed = true;
            pair.streak = 0;
          }
        });
  }

  /** Sends the command until it is acknowledged; returns when (System.nanoTime). */
  private long acknowledged(List<String> apis, String path, String body, String key) {
    AtomicInteger next = new AtomicInteger();
    long[] at = new long[1];
    await().atMost(BOUND).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
      String api = apis.get(next.getAndIncrement() % apis.size());
      HttpRequest request = HttpRequest.newBuilder(URI.create(api + path))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .header("Idempotency-Key", key).timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
          at[0] = System.nanoTime();
          return true;
        }
        if (response.statusCode() != 503) {
          throw new AssertionError(path + " [" + key + "] answered " + response.statusCode() + ": "
              + response.body());
        }
      } catch (IOException e) {
        return false; // refused or broken while the instance is down: sent again, to the next instance
      }
      return false;
    });
    return at[0];
  }
}
