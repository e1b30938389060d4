package dev.koers.bench.pipeline;

import dev.koers.cli.KoersMain;
import dev.koers.kafka.embedded.BrokerSettings;
import dev.koers.kafka.embedded.ChildJvm;
import dev.koers.kafka.embedded.ChildProcessKafka;
import dev.koers.views.Views;
import dev.koers.wire.KoersTopics;
import org.apache.kafka.common.Uuid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Memory: {@code koers up} (its own embedded broker and data directory, as a user runs it) is given a log of
 * {@code --decisions} decisions (each with {@code --decision-events}), written as the ledger would have appended them ({@link DecidedLives}), and
 * folds it into its views; then its resident set (peak and now), its heap (GC log peaks, and what is on it after a
 * full collection), and the time a restart on that data takes until {@code /ready}, next to the time the bare
 * broker takes to start on the same data directory (the project's embedded broker, alone, in a JVM of its own).
 */
final class MemoryScenario implements Scenario {

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(15);
  private static final Duration FOLD_TIMEOUT = Duration.ofMinutes(90);
  private static final int HISTOGRAM_ROWS = 15;

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public String summary() {
    return "koers up folding --decisions decisions: peak heap and RSS, and its restart until /ready against"
        + " the bare broker's start on the same data";
  }

  @Override
  public ReportSection run(BenchRun run) throws Exception {
    int decisions = run.settings().decisions();
    int partitions = run.settings().partitions();
    Path dir = run.workDir().resolve("memory");
    Path data = dir.resolve("data");
    Files.createDirectories(dir);

    run.progress("memory: starting koers up on " + data);
    Node first = Node.start(run, dir, data, "first");
    Fold fold;
    Measured folded;
    try {
      fold = fold(run, first, decisions, partitions);
      folded = first.measure();
      run.progress("memory: a heap histogram of koers up (jcmd GC.class_histogram)");
      folded = folded.withHistogram(ProcessMemory.classHistogram(first.process.pid(), HISTOGRAM_ROWS));
    } finally {
      first.close();
    }

    run.progress("memory: restarting koers up on the same data");
    Node second = Node.start(run, dir, data, "restart");
    Measured restarted;
    try {
      restarted = second.measure();
    } finally {
      second.close();
    }

    run.progress("memory: the bare broker alone on the same data directory");
    long brokerStart = System.nanoTime();
    // Formatted already: the cluster id given is not used.
    ChildProcessKafka broker = ChildProcessKafka.start(BrokerSettings.inDirectory(data.resolve("kafka")),
        ChildJvm.current().withJvmArgs(run.settings().koersJvmOptions()), Uuid.randomUuid().toString(),
        ChildBroker.READY_TIMEOUT);
    Duration brokerReady = Duration.ofNanos(System.nanoTime() - brokerStart);
    broker.close();
    return report(run, decisions, fold, folded, restarted, brokerReady, data);
  }

  /** The log written and folded: how many events, and how long the views took after the last was written. */
  private record Fold(long events, Duration writing, Duration folding) {}

  private Fold fold(BenchRun run, Node node, int decisions, int partitions) throws InterruptedException {
    KoersTopics topics = new KoersTopics("", partitions);
    run.progress(String.format(Locale.ROOT, "memory: writing %,d decisions' sealed events onto %s", decisions,
        topics.events().name()));
    long start = System.nanoTime();
    long events = SealedEventPreload.write(node.bootstrapServers, topics.events(),
        new DecidedLives(decisions, run.settings().decisionEvents(), Instant.now()), decisions, run::progress);
    long written = System.nanoTime();
    long lastProgress = written;
    try (GroupLag lags = new GroupLag(node.bootstrapServers)) {
      long deadline = written + FOLD_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        GroupLag.Lag lag = lags.of(Views.APPLICATION_ID, topics.events().name(), partitions);
        long now = System.nanoTime();
        if (lag.lag() == 0 && lag.committed() >= events) {
          return new Fold(events, Duration.ofNanos(written - start), Duration.ofNanos(now - written));
        }
        if (now - lastProgress > Duration.ofSeconds(30).toNanos()) {
          lastProgress = now;
          double[] resident = ProcessMemory.residentMiB(node.process.pid());
          run.progress(String.format(Locale.ROOT, "memory: views folded %,d of %,d events (behind by %,d);"
              + " koers up's RSS %.0f MiB", lag.committed(), events, lag.lag(), resident[1]));
        }
        if (!node.process.isAlive()) {
          throw new IllegalStateException("koers up stopped while folding; see " + node.process.log());
        }
        Thread.sleep(POLL.toMillis());
      }
    }
    throw new IllegalStateException("the views did not fold the log within " + FOLD_TIMEOUT);
  }

  /** What one run of koers up took: time until /ready, resident set, heap. */
  private record Measured(Duration ready, double vmHwmMiB, double vmRssMiB, ProcessMemory.HeapPeaks heap,
                          List<String> histogram) {
    Measured withHistogram(List<String> lines) {
      return new Measured(ready, vmHwmMiB, vmRssMiB, heap, lines);
    }
  }

  /** One koers up process on the scenario's data directory, with a GC log of its own. */
  private static final class Node implements AutoCloseable {

    final JavaProcess process;
    final String bootstrapServers;
    final Duration ready;
    final Path gcLog;

    private Node(JavaProcess process, String bootstrapServers, Duration ready, Path gcLog) {
      this.process = process;
      this.bootstrapServers = bootstrapServers;
      this.ready = ready;
      this.gcLog = gcLog;
    }

    static Node start(BenchRun run, Path dir, Path data, String label) throws InterruptedException {
      int port = freePort();
      int kafkaPort = freePort();
      Path gcLog = dir.resolve("gc-" + label + ".log");
      List<String> jvm = new ArrayList<>(run.settings().koersJvmOptions());
      jvm.add(ProcessMemory.gcLogOption(gcLog));
      long start = System.nanoTime();
      JavaProcess process = JavaProcess.start("koers up", jvm, KoersMain.class.getName(),
          List.of("up", "--data-dir", data.toString(), "--port", String.valueOf(port), "--kafka-port",
              String.valueOf(kafkaPort), "--partitions", String.valueOf(run.settings().partitions())),
          dir.resolve("up-" + label + ".log"));
      try {
        new ReadyProbe("http://127.0.0.1:" + port).await(READY_TIMEOUT, process::isAlive);
      } catch (RuntimeException | InterruptedException e) {
        process.close();
        throw e;
      }
      Duration ready = Duration.ofNanos(System.nanoTime() - start);
      run.progress(String.format(Locale.ROOT, "memory: koers up (%s) ready in %.1f s", label,
          ready.toMillis() / 1000.0));
      return new Node(process, "127.0.0.1:" + kafkaPort, ready, gcLog);
    }

    Measured measure() {
      double[] resident = ProcessMemory.residentMiB(process.pid());
      return new Measured(ready, resident[0], resident[1], ProcessMemory.heapPeaks(gcLog), List.of());
    }

    @Override
    public void close() throws InterruptedException {
      process.close();
    }
  }

  private ReportSection report(BenchRun run, int decisions, Fold fold, Measured folded, Measured restarted,
      Duration brokerReady, Path data) {
    ReportSection section = new ReportSection(String.format(Locale.ROOT,
        "memory: koers up holding %,d decisions (%,d events) in its views", decisions, fold.events()));
    section.add("koers up's JVM options: " + String.join(" ", run.settings().koersJvmOptions())
        + " (and a GC log); data directory " + mib(size(data.resolve("kafka"))) + " MiB of Kafka logs, "
        + mib(size(data.resolve("streams"))) + " MiB of state stores");
    section.add(String.format(Locale.ROOT, "log written in %.1f s; the views folded it %.1f s after the last event"
        + " was written", seconds(fold.writing()), seconds(fold.folding())));
    Table table = new Table("koers up", "ready (s)", "VmHWM (MiB)", "VmRSS (MiB)", "heap used, peak (MiB)",
        "live after GC, peak (MiB)", "heap committed (MiB)", "GCs");
    row(table, "folding the log", folded);
    row(table, "restarted, at /ready", restarted);
    section.add(table);
    double ratio = seconds(restarted.ready()) / seconds(brokerReady);
    section.add(String.format(Locale.ROOT, "restart until /ready %.1f s; the bare broker on the same data %.1f s:"
        + " ratio %.2f (goal: at most 3)", seconds(restarted.ready()), seconds(brokerReady), ratio));
    section.add(String.format(Locale.ROOT, "heap: peak used %.0f MiB, peak live after a collection %.0f MiB"
        + " (goal: at most 512 MiB)", folded.heap().maxUsedBefore(), folded.heap().maxLiveAfter()));
    section.add("koers up's heap after folding (jcmd GC.class_histogram, after a full collection):");
    folded.histogram().forEach(section::add);
    return section;
  }

  private static void row(Table table, String label, Measured m) {
    table.row(label, String.format(Locale.ROOT, "%.1f", seconds(m.ready())), fmt(m.vmHwmMiB()), fmt(m.vmRssMiB()),
        fmt(m.heap().maxUsedBefore()), fmt(m.heap().maxLiveAfter()), fmt(m.heap().maxCommitted()),
        m.heap().collections());
  }

  private static String fmt(double mib) {
    return String.format(Locale.ROOT, "%.0f", mib);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static long mib(long bytes) {
    return bytes / (1024 * 1024);
  }

  private static long size(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + dir, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
