package dev.koers.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.api.auth.Principal;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * Issue 14, points 1 and 4: a three-broker cluster (child JVMs, replication factor 3, min ISR 2), two ledgers
 * and two APIs (processes of the built launcher), and a steady load from HTTP clients and Java clients with
 * idempotency keys and retries. Mid-load one broker, then one ledger, then one API is killed with SIGKILL and
 * brought back. Afterwards every acknowledged submission is in the log exactly once with the event its client
 * was told of (those acknowledged while the broker was down too), every repeat gets the first answer, every
 * chain verifies, and the replay's metrics equal both APIs' answers. Recovery times go to
 * target/recovery-times.txt (measured, never asserted). Runs with -Pfaults (docs/operations.md).
 */
@Tag("faults")
class ClusterFaultsIT {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterFaultsIT.class);

  private static final int SUBMISSIONS = Integer.getInteger("faults.submissions", 20_000);
  private static final int PARTITIONS = 4;
  /** Decisions each client makes at once; fewer on a machine that is busy with other work. */
  private static final int LANES = Integer.getInteger("faults.lanes", 6);
  private static final ClusterLoad.Shape LOAD = new ClusterLoad.Shape(3, 2, LANES, Duration.ofSeconds(15),
      Duration.ofSeconds(600));
  /** Load acknowledged between faults, so each fault meets a cluster that works. */
  private static final int BETWEEN_FAULTS = Math.max(200, SUBMISSIONS / 12);
  private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(300);
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(900);
  private static final Duration VIEWS_TIMEOUT = Duration.ofSeconds(300);
  private static final int REPEAT_EVERY = 20;
  private static final Path RECOVERY_TIMES = Path.of("target", "recovery-times.txt");
  private static final Path PROGRESS = Path.of("target", "cluster-it", "faults-progress.log");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Acknowledgements acknowledgements = new Acknowledgements();
  private final FaultRecoveryTimes recoveryTimes = new FaultRecoveryTimes(Instant.now().toString(), RECOVERY_TIMES);

  @Test
  void aBrokerALedgerAndAnApiKilledMidLoadLoseNothingAndEveryRetryGetsTheFirstAnswer(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path root) throws Exception {
    long started = System.nanoTime();
    try (KoersCluster cluster = KoersCluster.start(new KoersCluster.Layout(root, "faults.", PARTITIONS), 2, 2)) {
      FaultProbe probe = new FaultProbe(cluster, acknowledgements);
      Instant ready = Instant.now();
      probe.awaitCommands(ready, RECOVERY_TIMEOUT, 1, 2);
      probe.awaitQueries(ready, RECOVERY_TIMEOUT, 1, 2);
      progress("Installation up in {} s: brokers {}, ledgers pids {} {}, APIs pids {} {}", secondsSince(started),
          cluster.brokers().pids(), cluster.ledger(1).pid(), cluster.ledger(2).pid(), cluster.api(1).pid(),
          cluster.api(2).pid());

      long loadStarted = System.nanoTime();
      Instant brokerDown;
      Instant brokerBack;
      try (ClusterLoad load = ClusterLoad.start(cluster, acknowledgements, LOAD)) {
        awaitAcknowledged(load, BETWEEN_FAULTS);

        int broker = busiestBroker(cluster);
        brokerDown = Instant.now();
        assertThat(cluster.brokers().kill(broker)).isEqualTo(KoersInstance.SIGKILL_EXIT);
        measure("broker", "broker-" + broker, brokerDown, probe, () -> CompletableFuture.completedFuture(null));
        cluster.brokers().restart(broker);
        brokerBack = Instant.now();
        cluster.brokers().awaitLiveBrokers(3, RECOVERY_TIMEOUT);
        cluster.brokers().awaitFullyReplicated(RECOVERY_TIMEOUT);
        progress("broker {} back and every replica in sync {} s after its kill", broker,
            Duration.between(brokerDown, Instant.now()).toMillis() / 1000.0);

        awaitAcknowledged(load, acknowledgements.count() + BETWEEN_FAULTS);
        killAndRestart("ledger", cluster, cluster.ledger(1), probe);

        awaitAcknowledged(load, acknowledgements.count() + BETWEEN_FAULTS);
        killAndRestart("api", cluster, cluster.api(1), probe);

        awaitAcknowledged(load, SUBMISSIONS);
        load.stop();
        await("every lane ending its last step").atMost(LOAD_TIMEOUT).until(() -> load.done().isDone());
        assertThat(load.failed()).as("a step never got an answer: " + load.done()).isFalse();
        double loadSeconds = secondsSince(loadStarted);
        List<Acknowledgement> acknowledged = acknowledgements.all();
        long retried = acknowledged.stream().filter(Acknowledgement::retried).count();
        progress("Load: {} submissions acknowledged in {} s ({} /s) by {} HTTP and {} Java clients x {} lanes; "
                + "{} retries, {} submissions answered only after a retry", acknowledged.size(), loadSeconds,
            Math.round(acknowledged.size() / loadSeconds), LOAD.httpClients(), LOAD.javaClients(),
            LOAD.lanesPerClient(), load.retries(), retried);

        // 1. Every retry got the first outcome: the same request again, as a client repeats it, gets the first
        // answer again (and the log check below finds the event the retried client was told of).
        assertThat(retried).as("the kills made clients retry (else the check below proves nothing)").isPositive();
        List<Acknowledgement> repeated = new ArrayList<>();
        for (int i = 0; i < acknowledged.size(); i++) {
          Acknowledgement ack = acknowledged.get(i);
          if (ack.retried() || i % REPEAT_EVERY == 0) {
            repeated.add(ack);
          }
        }
        List<String> different = load.repeat(repeated);
        progress("{} acknowledged submissions sent again ({} of them first answered after a retry): {} different",
            repeated.size(), retried, different.size());
        assertThat(different).as("repeats answered otherwise than the first time").isEmpty();

        // 2. Every acknowledged submission is in the log exactly once, as its client was told, the repeats above
        // making no second event.
        List<DecisionEvent> log = LogCheck.events(cluster.bootstrapServers(), cluster.topics());
        LogCheck.Findings findings = LogCheck.check(log, acknowledged);
        progress("Log check: {}", findings);
        assertThat(findings.exactlyOnce()).as(findings.toString()).isTrue();
        assertThat(acknowledged).as("submissions acknowledged").hasSizeGreaterThanOrEqualTo(SUBMISSIONS);
        assertThat(acknowledged.stream().filter(a -> !a.accepted()).map(Acknowledgement::answer).toList())
            .as("every step of the load is valid, so every first answer accepts it").isEmpty();
        // … those acknowledged while the broker was down too (acks=all with two replicas in sync).
        List<Acknowledgement> whileBrokerDown = acknowledgements.acceptedBetween(brokerDown, brokerBack);
        progress("{} submissions acknowledged while broker was down, all in the log", whileBrokerDown.size());
        assertThat(whileBrokerDown).as("the cluster took commands with a broker down").isNotEmpty();
      }

      // 3. Every chain verifies.
      KoersInstance.Result verify = cluster.tool("audit-verify", "audit", "verify");
      progress("koers audit verify: exit {}: {}", verify.exitCode(), verify.lines().isEmpty() ? ""
          : verify.lines().get(verify.lines().size() - 1));
      assertThat(verify.exitCode()).as(verify.text()).isZero();

      // 4. A replay's metrics equal what the views answer, from either API instance.
      int documents = assertViewsEqualReplay(cluster);
      progress("The replay's {} metrics documents equal both API instances' answers", documents);

      progress("Recovery times (also appended to {}):\n{}", RECOVERY_TIMES.toAbsolutePath(), recoveryTimes.table());
      progress("ClusterFaultsIT took {} s in all (load average now {})", secondsSince(started), loadAverage());
    }
  }

  /** SIGKILL, then the same command again at once (as a service manager restarts it), and the times to recover. */
  private void killAndRestart(String fault, KoersCluster cluster, KoersInstance instance, FaultProbe probe) {
    long pid = instance.pid();
    Instant killed = Instant.now();
    assertThat(instance.kill()).isEqualTo(KoersInstance.SIGKILL_EXIT);
    assertThat(ProcessHandle.of(pid)).isEmpty();
    measure(fault, instance.name(), killed, probe,
        () -> CompletableFuture.runAsync(() -> cluster.restart(instance)));
    progress("{} back as pid {}", instance.name(), instance.pid());
  }

  /** Measures the three recovery times at once while {@code restart} brings the process back. */
  private void measure(String fault, String process, Instant killed, FaultProbe probe,
                       Supplier<CompletableFuture<Void>> restart) {
    CompletableFuture<Void> restarted = restart.get();
    CompletableFuture<Duration> commandsAny = CompletableFuture.supplyAsync(() -> anyInstance(probe, killed));
    CompletableFuture<Duration> commandsBoth = CompletableFuture.supplyAsync(
        () -> probe.awaitCommands(killed, RECOVERY_TIMEOUT, 1, 2));
    CompletableFuture<Duration> queriesBoth = CompletableFuture.supplyAsync(
        () -> probe.awaitQueries(killed, RECOVERY_TIMEOUT, 1, 2));
    restarted.join();
    recoveryTimes.add(fault, process, commandsAny.join(), commandsBoth.join(), queriesBoth.join(), loadAverage());
    progress("{} {} killed: commands again after {} s (through both APIs {} s), queries from both after {} s",
        fault, process, seconds(commandsAny.join()), seconds(commandsBoth.join()), seconds(queriesBoth.join()));
  }

  // Commands through either instance: the first of the two to succeed.
  private static Duration anyInstance(FaultProbe probe, Instant killed) {
    CompletableFuture<Duration> one = CompletableFuture.supplyAsync(
        () -> probe.awaitCommands(killed, RECOVERY_TIMEOUT, 1));
    CompletableFuture<Duration> two = CompletableFuture.supplyAsync(
        () -> probe.awaitCommands(killed, RECOVERY_TIMEOUT, 2));
    return (Duration) CompletableFuture.anyOf(one, two).join();
  }

  private void awaitAcknowledged(ClusterLoad load, long count) {
    await(count + " submissions acknowledged").atMost(LOAD_TIMEOUT).pollInterval(Duration.ofMillis(250))
        .failFast("the load failed: " + load.done(), load::failed)
        .until(() -> acknowledgements.count() >= count);
  }

  /** The broker that leads most partitions of the Koers topics: killing it moves the most leaders. */
  private static int busiestBroker(KoersCluster cluster) throws Exception {
    Map<Integer, Integer> leaders = new HashMap<>();
    try (Admin admin = cluster.brokers().admin()) {
      List<String> names = cluster.topics().all().stream().map(t -> t.name()).toList();
      for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get().values()) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          leaders.merge(partition.leader().id(), 1, Integer::sum);
        }
      }
    }
    return leaders.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /**
   * Runs 'koers audit replay' and holds every metrics document it rebuilt (every unit and manager, all time and
   * each week) to both API instances' answers; waits until the views have folded the whole log.
   */
  private int assertViewsEqualReplay(KoersCluster cluster) throws Exception {
    Path out = cluster.layout().outputs().resolve("replay.json").toAbsolutePath();
    KoersInstance.Result replay = cluster.tool("audit-replay", "audit", "replay", "--out", out.toString());
    assertThat(replay.exitCode()).as(replay.text()).isZero();
    JsonNode documents = json.readTree(Files.readString(out)).path("metrics").path("documents");
    assertThat(documents.size()).as("metrics documents in the replay").isPositive();
    String viewer = cluster.token(new Principal("faults-viewer", Role.VIEWER, null, null), Duration.ofHours(1));
    await("both API instances answering the replay's metrics").atMost(VIEWS_TIMEOUT)
        .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
          List<String> differences = new ArrayList<>();
          for (JsonNode expected : documents) {
            String path = metricsPath(expected);
            for (int instance = 1; instance <= cluster.apiCount(); instance++) {
              HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(cluster.apiUrl(instance)
                      + path)).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + viewer).build(),
                  HttpResponse.BodyHandlers.ofString());
              if (answer.statusCode() != 200 || !json.readTree(answer.body()).equals(expected)) {
                differences.add("api-" + instance + " " + path + ": " + answer.statusCode() + " " + answer.body()
                    + "\n  replay: " + expected);
              }
            }
          }
          assertThat(differences).as("views' answers differing from the replay").isEmpty();
        });
    return documents.size();
  }

  private static String metricsPath(JsonNode document) {
    JsonNode scope = document.path("scope");
    String path = scope.has("unit") ? "/api/v1/units/" + encode(scope.get("unit").asText())
        : "/api/v1/managers/" + encode(scope.get("managerId").asText());
    String window = document.path("window").asText();
    return path + "/metrics" + ("ALL".equals(window) ? "" : "?week=" + encode(window));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** One line to the test's log and, at once, to a progress file (the test's log is written when it ends). */
  private static void progress(String format, Object... args) {
    String line = MessageFormatter.arrayFormat(format, args).getMessage();
    LOG.info(line);
    try {
      Files.createDirectories(PROGRESS.toAbsolutePath().getParent());
      Files.writeString(PROGRESS, Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + PROGRESS, e);
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double secondsSince(long nanos) {
    return Math.round((System.nanoTime() - nanos) / 1e8) / 10.0;
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
