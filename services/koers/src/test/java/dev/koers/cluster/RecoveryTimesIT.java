package dev.koers.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.api.auth.Principal;
import dev.koers.cluster.RecoveryTimes.Round;
import dev.koers.schema.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14.3, recovery times: on the three-broker installation with two ledgers and two APIs, SIGKILL a broker, a
 * ledger and an API in turn, {@code -Drecovery.repeats=N} times each, and measure after each kill how long until
 * commands on every partition are acknowledged again, until the live APIs answer every probe query again, and,
 * after the killed process is started again, until both APIs answer and commands go through ("back"). The
 * figures go to target/recovery-times-<tuned|untuned>.txt and docs/operations.md; they are never asserted.
 * {@code -Drecovery.modes=tuned,untuned} measures, at the same time on two installations, Koers' failover
 * defaults and Kafka's own (session.timeout.ms 45000, no standby replicas: the figures before the tuning). Like a benchmark it
 * runs only when asked, with {@code -Drecovery.repeats}.
 */
@Tag("faults")
@EnabledIfSystemProperty(named = "recovery.repeats", matches = "[1-9][0-9]*",
    disabledReason = "a measurement, not a test: run it with -Drecovery.repeats=N (docs/operations.md)")
class RecoveryTimesIT {

  private static final int REPEATS = Integer.getInteger("recovery.repeats", 0);
  private static final List<String> MODES = List.of(System.getProperty("recovery.modes", "tuned").split(","));
  private static final List<String> KINDS = List.of(System.getProperty("recovery.kinds", "ledger,api,broker")
      .split(","));
  private static final int PARTITIONS = 3;
  private static final Object STARTING = new Object();
  private static final Duration SETTLE = Duration.ofSeconds(240);

  @Test
  void afterEachKillCommandsAndQueriesAnswerAgain(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path root) {
    // Each mode on its own installation, at the same time: the figures of both share the machine's load.
    ExecutorService modes = Executors.newFixedThreadPool(MODES.size());
    try {
      List<CompletableFuture<Path>> reports = MODES.stream().map(mode -> CompletableFuture.supplyAsync(
          () -> measure(root.resolve(mode), mode.equals("untuned")), modes)).toList();
      reports.forEach(report -> assertThat(report.join()).isNotEmptyFile());
    } finally {
      modes.shutdownNow();
    }
  }

  private static Path measure(Path root, boolean untuned) {
    String label = untuned ? "untuned" : "tuned";
    String header = "# RecoveryTimesIT, " + label + " (" + (untuned
        ? "Kafka's defaults: session.timeout.ms=45000, num.standby.replicas=0"
        : "Koers' failover defaults: session.timeout.ms=10000, num.standby.replicas=1") + "), repeats=" + REPEATS
        + ", modes at once: " + MODES;
    String loadAtStart = loadAverage();
    Path report = Path.of("target", "recovery-times-" + label + ".txt");
    RecoveryTimes times = new RecoveryTimes();
    List<String> flags = untuned ? List.of("--client-properties", kafkaDefaults(root).toString()) : List.of();
    KoersCluster started;
    synchronized (STARTING) { // six brokers starting at once on a small machine miss their readiness bound
      started = KoersCluster.start(new KoersCluster.Layout(root, "recovery-" + label + ".", PARTITIONS), 2, 2,
          flags, flags);
    }
    try (KoersCluster cluster = started;
         RecoveryProbe probe = new RecoveryProbe(cluster.token(new Principal("m-probe", Role.MANAGER, "m-probe",
             null), Duration.ofHours(4)))) {
      List<String> apis = List.of(cluster.apiUrl(1), cluster.apiUrl(2));
      for (int round = 1; round <= REPEATS; round++) {
        for (String kind : KINDS) {
          Round measured = round(cluster, probe, apis, kind, round);
          times.add(measured);
          System.out.println("recovery (" + label + "): " + measured.line());
          // Written after every kill, so a run cut short still leaves what it measured.
          times.write(report, List.of(header, "# load average (1, 5, 15 min) at start: " + loadAtStart
              + ", now: " + loadAverage()));
        }
      }
    }
    times.summary().forEach(line -> System.out.println("recovery (" + label + "): " + line));
    return report;
  }

  /** One kill: the victim rotates over the rounds; the clock starts just before the signal. */
  private static Round round(KoersCluster cluster, RecoveryProbe probe, List<String> apis, String kind, int round) {
    List<String> decisions = ProbeDecisions.covering(PARTITIONS, 2, kind + "-r" + round);
    probe.open(decisions, apis, "m-probe");
    probe.queries(System.nanoTime(), decisions, apis); // settled: every instance answers every probe
    int victim = (round - 1) % (kind.equals("broker") ? 3 : 2) + 1;
    long killedAt = System.nanoTime();
    kill(cluster, kind, victim);
    List<String> live = kind.equals("api") ? List.of(cluster.apiUrl(3 - victim)) : apis;
    CompletableFuture<Double> commands = probe.async(() -> probe.commands(killedAt, decisions, apis));
    double queries = probe.queries(killedAt, decisions, live);
    double commandsAgain = commands.join();
    long restartedAt = System.nanoTime();
    restart(cluster, kind, victim);
    CompletableFuture<Double> commandsBack = probe.async(() -> probe.commands(restartedAt, decisions, apis));
    double back = Math.max(probe.queries(restartedAt, decisions, apis), commandsBack.join());
    if (kind.equals("broker")) {
      cluster.brokers().awaitFullyReplicated(SETTLE);
    }
    return new Round(kind, victim, round, commandsAgain, queries, back);
  }

  private static void kill(KoersCluster cluster, String kind, int victim) {
    switch (kind) {
      case "broker" -> cluster.brokers().kill(victim);
      case "ledger" -> assertThat(cluster.ledger(victim).kill()).isEqualTo(KoersInstance.SIGKILL_EXIT);
      case "api" -> assertThat(cluster.api(victim).kill()).isEqualTo(KoersInstance.SIGKILL_EXIT);
      default -> throw new IllegalArgumentException("no such kind of fault: " + kind);
    }
  }

  private static void restart(KoersCluster cluster, String kind, int victim) {
    switch (kind) {
      case "broker" -> cluster.brokers().restart(victim);
      case "ledger" -> cluster.restart(cluster.ledger(victim));
      default -> cluster.restart(cluster.api(victim));
    }
  }

  /** The client properties that put back what Kafka itself defaults to, for the figures before the tuning. */
  private static Path kafkaDefaults(Path root) {
    try {
      Files.createDirectories(root);
      return Files.writeString(root.resolve("kafka-defaults.properties"),
          "session.timeout.ms=45000\nnum.standby.replicas=0\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String loadAverage() {
    try {
      return String.join(", ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
