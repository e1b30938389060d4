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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a measurement (docs/benchmarks.md). Writes a log of about {@code -Dbench.events} events (default
 * 200,000) as the ledger does, then reads it, in the same run and from the same topic, with Kafka's own
 * ConsumerPerformance and with {@code koers audit replay} and {@code koers audit verify}. Each tool runs in a
 * fresh JVM {@code -Dbench.runs} times (default 2): the first run is cold (as a user starts it once), the last
 * warm (JIT-compiled). Rates are
 * of the reading itself: ConsumerPerformance's fetch.nMsg.sec, the audit's pass as {@code --stats} reports it;
 * the audit's whole command (opening the log, the pass, the metrics, writing the output) is shown too. Repeated
 * for {@code -Dbench.rounds} rounds (default 3). Runs only with -Dbench:
 * {@code mvn -B -q -pl bench/audit -am verify -DskipTests -Dbench}.
 */
@KafkaIntegrationTest
class AuditBenchmark {

  /** Runs of each tool in one JVM: the first is reported as cold, the last as warm. */
  private static final int RUNS = Integer.getInteger("bench.runs", 2);

  private final KafkaTestEnv env;
  /** What the audit's commands say of their phases after the pass, in the order they ran. */
  private final List<String> phases = new ArrayList<>();

  AuditBenchmark(KafkaTestEnv env) {
    this.env = env;
  }

  @Test
  void replayAndVerifyAgainstConsumerPerformance() throws Exception {
    int decisions = Integer.getInteger("bench.events", 200_000) / 6;
    int rounds = Integer.getInteger("bench.rounds", 3);
    LogTopics topics = new LogTopics(env);
    String prefix = topics.freshPrefix("bench");
    List<DecisionEvent> events = LedgerRun.events(Histories.interleaved(decisions));
    int n = events.size();
    long writeStart = System.nanoTime();
    topics.writeAsLedger(prefix, events, 1000);
    double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("== koers audit benchmark ==");
    lines.add(String.format(Locale.ROOT, "log: %,d events of %,d decisions, %d partitions, lz4, in transactions of"
        + " 1,000; written in %.1f s", n, decisions, LogTopics.PARTITIONS, writeSeconds));
    lines.add("JVM options of every measured tool: " + String.join(" ", ChildJava.jvmOptions()));
    lines.add("records/s; in brackets the audit's whole command; ratio = audit pass / ConsumerPerformance");
    lines.add("round run    ConsumerPerformance   audit replay (+verify)  ratio         audit verify  ratio");
    Path out = Files.createTempFile("bench-replay", ".json");
    for (int round = 1; round <= rounds; round++) {
      double[] consumer = consumerPerformance(LogTopics.eventsTopic(prefix), n);
      double[][] replay = audit(n, "replay", prefix, "--out", out.toString());
      double[][] verify = audit(n, "verify", prefix);
      for (int run = 0; run < 2; run++) {
        lines.add(String.format(Locale.ROOT, "%5d %-4s %,19.0f  %,10.0f (%,9.0f)  %5.2f  %,10.0f (%,9.0f)  %5.2f",
            round, run == 0 ? "cold" : "warm", consumer[run], replay[run][0], replay[run][1],
            replay[run][0] / consumer[run], verify[run][0], verify[run][1], verify[run][0] / consumer[run]));
      }
    }
    Files.delete(out);
    lines.add("");
    lines.addAll(phases);
    lines.add("");
    String report = String.join(System.lineSeparator(), lines);
    System.out.println(report);
    Files.writeString(Path.of("target", "benchmark.txt"), report);
  }

  /** An audit subcommand run twice in a fresh JVM: per run, records/s of its pass and of the whole command. */
  private double[][] audit(int records, String subcommand, String prefix, String... more)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(String.valueOf(RUNS), subcommand,
        "--bootstrap-servers", env.bootstrapServers(), "--topic-prefix", prefix, "--quiet", "--stats"));
    args.addAll(List.of(more));
    List<String> printed = ChildJava.run(TimedCommand.class.getName(), args.toArray(String[]::new));
    List<String> timed = printed.stream().filter(l -> l.startsWith("timed-command ")).toList();
    List<String> stats = printed.stream().filter(l -> l.startsWith("koers audit: read ")).toList();
    printed.stream().filter(l -> l.startsWith("koers audit " + subcommand + ": ")).forEach(phases::add);
    assertThat(timed).as(String.join("\n", printed)).hasSize(RUNS).allSatisfy(l -> assertThat(l).contains("exit=0"));
    assertThat(stats).hasSize(RUNS)
        .allSatisfy(l -> assertThat(l).contains(String.format(Locale.ROOT, "read %,d records", records)));
    double[][] rates = new double[2][];
    for (int run = 0; run < 2; run++) {
      int which = run == 0 ? 0 : RUNS - 1;
      long nanos = Long.parseLong(timed.get(which).substring(timed.get(which).indexOf("nanos=") + 6));
      double pass = Double.parseDouble(stats.get(which).replaceAll(".*: ([\\d,]+) records/s$", "$1").replace(",", ""));
      rates[run] = new double[] {pass, records / (nanos / 1e9)};
    }
    return rates;
  }

  /** Kafka's ConsumerPerformance run twice in a fresh JVM, read_committed like the audit: its fetch.nMsg.sec. */
  private double[] consumerPerformance(String topic, int records) throws IOException, InterruptedException {
    Path config = Files.createTempFile("consumer-perf", ".properties");
    Files.writeString(config, "isolation.level=read_committed\n");
    List<String> printed = ChildJava.run(RepeatedMain.class.getName(), String.valueOf(RUNS),
        "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", env.bootstrapServers(), "--topic", topic,
        "--messages", String.valueOf(records), "--timeout", "30000", "--consumer.config", config.toString());
    Files.delete(config);
    List<String> results = printed.stream().filter(l -> l.matches("^\\d{4}-.*")).toList();
    assertThat(results).as(String.join("\n", printed)).hasSize(RUNS);
    double[] rates = new double[2];
    for (int run = 0; run < 2; run++) {
      String[] fields = results.get(run == 0 ? 0 : RUNS - 1).split(",\\s*");
      assertThat(Long.parseLong(fields[4])).as("records ConsumerPerformance read").isEqualTo(records);
      rates[run] = Double.parseDouble(fields[9]);
    }
    return rates;
  }
}
