package dev.koers.cluster;

import static org.awaitility.Awaitility.await;

import dev.koers.api.auth.Principal;
import dev.koers.schema.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;

/**
 * Asks an installation, the way a monitor would, whether commands succeed and queries answer: a command probe
 * opens one new decision on every partition of the log (so no partition whose ledger or leader is gone is
 * missed) through an API instance; a query probe reads a known decision of every partition from an instance
 * (its own store, or relayed to the owner). Accepted probe commands are acknowledged submissions like any other.
 */
public final class FaultProbe {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(250);

  private final KoersCluster cluster;
  private final Acknowledgements acknowledgements;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String managerToken;
  private final String viewerToken;
  private final AtomicInteger rounds = new AtomicInteger();
  private final List<String> known = new ArrayList<>(); // guarded by this

  public FaultProbe(KoersCluster cluster, Acknowledgements acknowledgements) {
    this.cluster = cluster;
    this.acknowledgements = acknowledgements;
    this.managerToken = cluster.token(new Principal("m-probe", Role.MANAGER, "m-probe", null), Duration.ofHours(1));
    this.viewerToken = cluster.token(new Principal("probe-viewer", Role.VIEWER, null, null), Duration.ofHours(1));
  }

  /** Waits until a command probe succeeds through every one of {@code instances}; returns the time since {@code since}. */
  public Duration awaitCommands(Instant since, Duration atMost, int... instances) {
    await("commands through API instances " + java.util.Arrays.toString(instances)).atMost(atMost)
        .pollInterval(POLL).pollDelay(Duration.ZERO)
        .until(() -> IntStream.of(instances).mapToObj(this::commandsAsync).toList().stream()
            .map(CompletableFuture::join).reduce(true, Boolean::logicalAnd));
    return Duration.between(since, Instant.now());
  }

  /** Waits until a query probe answers from every one of {@code instances}; returns the time since {@code since}. */
  public Duration awaitQueries(Instant since, Duration atMost, int... instances) {
    List<String> decisions = knownDecisions();
    if (decisions.isEmpty()) {
      throw new IllegalStateException("no decision known yet: run a command probe first");
    }
    await("queries from API instances " + java.util.Arrays.toString(instances)).atMost(atMost)
        .pollInterval(POLL).pollDelay(Duration.ZERO)
        .until(() -> IntStream.of(instances).allMatch(instance -> queries(instance, decisions)));
    return Duration.between(since, Instant.now());
  }

  /** One decision of every partition that a command probe made. */
  public synchronized List<String> knownDecisions() {
    return List.copyOf(known);
  }

  private CompletableFuture<Boolean> commandsAsync(int instance) {
    int round = rounds.incrementAndGet();
    List<CompletableFuture<Boolean>> opened = new ArrayList<>();
    for (int partition = 0; partition < cluster.layout().partitions(); partition++) {
      String id = decisionOn(partition, "probe-" + round + "-");
      HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.apiUrl(instance) + "/api/v1/decisions"))
          .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + managerToken)
          .header("Content-Type", "application/json").header("Idempotency-Key", id + "-open")
          .POST(HttpRequest.BodyPublishers.ofString("""
              {"decisionId": "%s", "title": "Probe", "unit": "probe", "managerId": "m-probe",
               "activityGroup": "OWN_ACTION"}""".formatted(id))).build();
      opened.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .handle((response, error) -> error == null && accepted(id, response)));
    }
    return CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new))
        .thenApply(all -> opened.stream().allMatch(CompletableFuture::join));
  }

  private boolean accepted(String id, HttpResponse<String> response) {
    if (response.statusCode() != 201) {
      return false;
    }
    String body = response.body();
    acknowledgements.add(new Acknowledgement(id, id + "-open", true, field(body, "eventId"), 1,
        response.statusCode() + " " + body, 1, Instant.now()));
    synchronized (this) {
      if (known.size() < cluster.layout().partitions()
          && known.stream().noneMatch(k -> partition(k) == partition(id))) {
        known.add(id);
      }
    }
    return true;
  }

  private boolean queries(int instance, List<String> decisions) {
    List<CompletableFuture<Boolean>> answers = decisions.stream().map(id -> http.sendAsync(
            HttpRequest.newBuilder(URI.create(cluster.apiUrl(instance) + "/api/v1/decisions/" + id))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + viewerToken).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .handle((response, error) -> error == null && response.statusCode() == 200)).toList();
    return answers.stream().allMatch(CompletableFuture::join);
  }

  private String decisionOn(int partition, String prefix) {
    for (int i = 0; ; i++) {
      String id = prefix + i;
      if (partition(id) == partition) {
        return id;
      }
    }
  }

  /** The partition Kafka's default partitioner gives a decision id (the key of every Koers topic). */
  private int partition(String decisionId) {
    return Utils.toPositive(Utils.murmur2(decisionId.getBytes(StandardCharsets.UTF_8)))
        % cluster.layout().partitions();
  }

  private static String field(String json, String name) {
    int start = json.indexOf("\"" + name + "\":\"");
    if (start < 0) {
      return null;
    }
    int from = start + name.length() + 4;
    return json.substring(from, json.indexOf('"', from));
  }
}
