package dev.koers.bench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LedgerRun;
import dev.koers.audit.testing.LogTopics;
import dev.koers.schema.DecisionEvent;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a measurement (docs/benchmarks.md). Writes a log of about {@code -Dbench.events} events (default
 * 200,000) as the ledger does, then reads it, in the same run and from the same topic, with Kafka's own
 * ConsumerPerformance and with the whole {@code koers audit replay} and {@code koers audit verify} commands, each
 * once in a fresh JVM, as a user starts them. The figure is each command's wall time (JVM start included) as a
 * ratio to ConsumerPerformance's of the same round; the time without JVM start and the pass's own rate are shown
 * too. {@code -Dbench.variants=name=dir,...} adds variants of the audit's code (a classes directory put before the
 * classpath), run interleaved with the code as built, so that a simplification is measured against it in the same
 * run. Repeated for {@code -Dbench.rounds} rounds (default 3). Runs only with -Dbench:
 * {@code mvn -B -q -pl bench/audit -am verify -DskipTests -Dbench}.
 */
@KafkaIntegrationTest
class AuditBenchmark {

  private static final String AS_BUILT = "as built";

  private final KafkaTestEnv env;
  /** Every timing of the run, by tool (and variant), in round order. */
  private final Map<String, List<Timing>> timings = new LinkedHashMap<>();
  /** What the replay command says of its phases after the pass, in the order they ran. */
  private final List<String> phases = new ArrayList<>();
  /** SHA-256 of every replay's document: a variant that rebuilt something else measured the wrong thing. */
  private final Set<String> replayDocuments = new TreeSet<>();

  AuditBenchmark(KafkaTestEnv env) {
    this.env = env;
  }

  /** One run of a tool: its process's wall time, its own time (JVM start excluded), the rate of its reading. */
  private record Timing(double wallSeconds, double commandSeconds, double readRate) {}

  @Test
  void wholeCommandsAgainstConsumerPerformance() throws Exception {
    int decisions = Integer.getInteger("bench.events", 200_000) / 6;
    int rounds = Integer.getInteger("bench.rounds", 3);
    Map<String, Path> variants = variants();
    LogTopics topics = new LogTopics(env);
    String prefix = topics.freshPrefix("bench");
    List<DecisionEvent> events = LedgerRun.events(Histories.interleaved(decisions));
    int n = events.size();
    long writeStart = System.nanoTime();
    topics.writeAsLedger(prefix, events, 1000);
    double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
    events = null; // the log is on the broker now; the benchmark's heap need not hold it

    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("== koers audit benchmark: whole commands ==");
    lines.add(String.format(Locale.ROOT, "log: %,d events of %,d decisions, %d partitions, lz4, in transactions of"
        + " 1,000; written in %.1f s", n, decisions, LogTopics.PARTITIONS, writeSeconds));
    lines.add("JVM options of every measured tool: " + String.join(" ", ChildJava.jvmOptions()));
    lines.add("variants: " + variants);
    lines.add("load at the start: " + Load.now());
    lines.add("");
    lines.add("wall s = the whole process, JVM start included; own s = the tool's main, JVM start excluded;");
    lines.add("read/s = ConsumerPerformance's fetch.nMsg.sec, the audit's pass (--stats);");
    lines.add("ratio = ConsumerPerformance's wall time / the command's (1.00: as fast as ConsumerPerformance)");
    lines.add("round tool                                 wall s   own s      read/s  ratio  ratio (own)");
    Path out = Files.createTempFile("bench-replay", ".json");
    List<String> names = new ArrayList<>(variants.keySet());
    for (int round = 1; round <= rounds; round++) {
      Timing consumer = consumerPerformance(LogTopics.eventsTopic(prefix), n);
      lines.add(row(round, "ConsumerPerformance", consumer, consumer));
      for (String command : List.of("replay", "verify")) {
        // A, B, A, B: every variant of a command in the same round, the order turning from round to round.
        for (int i = 0; i < names.size(); i++) {
          String variant = names.get((i + round - 1) % names.size());
          Timing timing = command.equals("replay")
              ? audit(n, "replay", variants.get(variant), prefix, "--out", out.toString())
              : audit(n, "verify", variants.get(variant), prefix);
          if (command.equals("replay")) {
            replayDocuments.add(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out))));
          }
          String tool = command + " [" + variant + "]";
          timings.computeIfAbsent(tool, t -> new ArrayList<>()).add(timing);
          lines.add(row(round, tool, timing, consumer));
        }
      }
      timings.computeIfAbsent("ConsumerPerformance", t -> new ArrayList<>()).add(consumer);
    }
    Files.delete(out);
    assertThat(replayDocuments).as("the replay documents of every variant and round").hasSize(1);
    lines.add("every replay wrote the same document, SHA-256 " + replayDocuments.iterator().next());
    lines.add("load at the end: " + Load.now());
    lines.add("");
    lines.addAll(summary(rounds, names));
    lines.add("");
    lines.addAll(phases);
    lines.add("");
    String report = String.join(System.lineSeparator(), lines);
    System.out.println(report);
    Files.writeString(Path.of("target", "benchmark.txt"), report);
  }

  /** The code as built, then each {@code -Dbench.variants} entry, {@code name=classes directory}. */
  private static Map<String, Path> variants() {
    Map<String, Path> variants = new LinkedHashMap<>();
    variants.put(AS_BUILT, null);
    for (String entry : System.getProperty("bench.variants", "").split(",")) {
      if (!entry.isBlank()) {
        String[] parts = entry.split("=", 2);
        Path classes = Path.of(parts[1].strip());
        assertThat(classes).as("variant %s's classes", parts[0]).isDirectory();
        variants.put(parts[0].strip(), classes);
      }
    }
    return variants;
  }

  private static String row(int round, String tool, Timing timing, Timing consumer) {
    return String.format(Locale.ROOT, "%5d %-34s %8.2f %7.2f %,11.0f  %5.2f  %5.2f", round, tool,
        timing.wallSeconds(), timing.commandSeconds(), timing.readRate(),
        consumer.wallSeconds() / timing.wallSeconds(), consumer.commandSeconds() / timing.commandSeconds());
  }

  /**
   * Per tool, over the rounds: the median and range of its wall time and of its ratio to ConsumerPerformance of
   * the same round; per variant, its wall time over the code as built of the same round.
   */
  private List<String> summary(int rounds, List<String> names) {
    List<Timing> consumer = timings.get("ConsumerPerformance");
    List<String> lines = new ArrayList<>();
    lines.add("over " + rounds + " round(s): median [min-max]");
    lines.add("tool                                 wall s               ratio to ConsumerPerformance  wall / as built");
    for (Map.Entry<String, List<Timing>> entry : timings.entrySet()) {
      List<Timing> runs = entry.getValue();
      List<Double> walls = runs.stream().map(Timing::wallSeconds).toList();
      List<Double> ratios = new ArrayList<>();
      List<Double> againstBuilt = new ArrayList<>();
      String tool = entry.getKey();
      List<Timing> built = tool.contains("[") ? timings.get(tool.substring(0, tool.indexOf('[')) + "[" + AS_BUILT
          + "]") : null;
      for (int round = 0; round < runs.size(); round++) {
        ratios.add(consumer.get(round).wallSeconds() / runs.get(round).wallSeconds());
        if (built != null) {
          againstBuilt.add(runs.get(round).wallSeconds() / built.get(round).wallSeconds());
        }
      }
      lines.add(String.format(Locale.ROOT, "%-34s %s   %s          %s", tool, spread(walls, "%6.2f"),
          spread(ratios, "%4.2f"), built == null || names.size() < 2 ? "" : spread(againstBuilt, "%4.2f")));
    }
    return lines;
  }

  private static String spread(List<Double> values, String format) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return String.format(Locale.ROOT, format + " [" + format + "-" + format + "]", median, sorted.get(0),
        sorted.get(n - 1));
  }

  /** An audit subcommand run once in a fresh JVM. */
  private Timing audit(int records, String subcommand, Path classes, String prefix, String... more)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(subcommand,
        "--bootstrap-servers", env.bootstrapServers(), "--topic-prefix", prefix, "--quiet", "--stats"));
    args.addAll(List.of(more));
    ChildJava.Result result = ChildJava.run(classes, TimedCommand.class.getName(), args.toArray(String[]::new));
    List<String> printed = result.lines();
    List<String> timed = printed.stream().filter(l -> l.startsWith("timed-command ")).toList();
    List<String> stats = printed.stream().filter(l -> l.startsWith("koers audit: read ")).toList();
    printed.stream().filter(l -> l.startsWith("koers audit " + subcommand + ": ")).forEach(phases::add);
    assertThat(timed).as(String.join("\n", printed)).hasSize(1).allSatisfy(l -> assertThat(l).contains("exit=0"));
    assertThat(stats).hasSize(1)
        .allSatisfy(l -> assertThat(l).contains(String.format(Locale.ROOT, "read %,d records", records)));
    double pass = Double.parseDouble(stats.get(0).replaceAll(".*: ([\\d,]+) records/s$", "$1").replace(",", ""));
    return new Timing(result.wallNanos() / 1e9, ownSeconds(timed.get(0)), pass);
  }

  /** Kafka's ConsumerPerformance run once in a fresh JVM, read_committed like the audit. */
  private Timing consumerPerformance(String topic, int records) throws IOException, InterruptedException {
    Path config = Files.createTempFile("consumer-perf", ".properties");
    Files.writeString(config, "isolation.level=read_committed\n");
    ChildJava.Result result = ChildJava.run(null, TimedMain.class.getName(),
        "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", env.bootstrapServers(), "--topic", topic,
        "--messages", String.valueOf(records), "--timeout", "30000", "--consumer.config", config.toString());
    Files.delete(config);
    List<String> printed = result.lines();
    List<String> results = printed.stream().filter(l -> l.matches("^\\d{4}-.*")).toList();
    List<String> timed = printed.stream().filter(l -> l.startsWith("timed-command ")).toList();
    assertThat(results).as(String.join("\n", printed)).hasSize(1);
    assertThat(timed).as(String.join("\n", printed)).hasSize(1);
    String[] fields = results.get(0).split(",\\s*");
    assertThat(Long.parseLong(fields[4])).as("records ConsumerPerformance read").isEqualTo(records);
    return new Timing(result.wallNanos() / 1e9, ownSeconds(timed.get(0)), Double.parseDouble(fields[9]));
  }

  private static double ownSeconds(String timedLine) {
    return Long.parseLong(timedLine.substring(timedLine.indexOf("nanos=") + 6)) / 1e9;
  }

  /** The machine's load averages, as uptime prints them (the machine is shared: every figure needs it). */
  private static final class Load {
    static String now() throws IOException {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return "load average " + fields[0] + ", " + fields[1] + ", " + fields[2];
    }
  }
}
