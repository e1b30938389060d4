package dev.koers.bench.pipeline;

import dev.koers.cli.Durations;
import dev.koers.wire.AvroDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bench/run.sh}: runs the scenarios asked for and prints and writes the report. */
@Command(name = "bench/run.sh", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "The load harness of Koers' ledger, views and API (docs/benchmarks.md, \"Pipeline: load harness\").",
        "Runs the scenarios against a Kafka broker it starts (or --bootstrap-servers), with the services as real "
            + "'koers ledger' and 'koers api' processes, and measures Kafka's ProducerPerformance and "
            + "ConsumerPerformance on the same broker in the same run: every Koers figure is printed next to "
            + "them as a ratio. Prints a table and writes it to bench/pipeline/target/pipeline.txt."},
    footer = {"", "Quick run (a minute or two): bench/run.sh all --submissions 50000 --duration 30s --warmup 5s"})
public final class PipelineBench implements Callable<Integer> {

  @Parameters(index = "0", defaultValue = "all", paramLabel = "SCENARIO",
      description = "Which scenario to run: all (default), or one of the names above.")
  String scenario;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      description = "Measure on this Kafka cluster (plain connection) instead of a broker the harness starts.")
  String bootstrapServers;

  @Option(names = "--submissions", defaultValue = "200000",
      description = "drain: submissions preloaded on the topic (default: ${DEFAULT-VALUE}).")
  int submissions;

  @Option(names = "--rate", defaultValue = "1000",
      description = "latency: submissions per second, open loop (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--duration", defaultValue = "60s",
      description = "latency: how long each client (HTTP, Java) is measured, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--warmup", defaultValue = "10s",
      description = "latency: how long each client sends at the rate before it is measured (default: ${DEFAULT-VALUE}).")
  String warmup;

  @Option(names = "--partitions", defaultValue = "3",
      description = "Partitions of every topic, Koers' and the perf tools' (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--replication-factor", defaultValue = "-1",
      description = "Replication of every topic; -1 is the cluster's default (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  @Option(names = "--seed", defaultValue = "15",
      description = "Seed of the random histories (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--decisions", defaultValue = "1000000",
      description = "memory: decisions koers up's views hold (default: ${DEFAULT-VALUE}).")
  int decisions;

  @Option(names = "--decision-events", defaultValue = "3",
      description = "memory: events of each decision: 1 opened, 2 and heard, 3 and decided (default: ${DEFAULT-VALUE}).")
  int decisionEvents;

  @Option(names = "--koers-jvm-options", defaultValue = "-Xmx512m",
      description = "JVM options of the koers processes and the perf tools (default: '${DEFAULT-VALUE}', as bin/koers).")
  String koersJvmOptions;

  @Option(names = "--out", defaultValue = "bench/pipeline/target",
      description = "Where the report (pipeline.txt) and the run's work directory go (default: ${DEFAULT-VALUE}).")
  Path out;

  public static void main(String[] args) {
    AvroDefaults.apply();
    CommandLine commandLine = new CommandLine(new PipelineBench());
    // The scenarios' own summaries, so --help lists a scenario as soon as Scenarios does.
    List<String> description = new ArrayList<>(List.of(commandLine.getCommandSpec().usageMessage().description()));
    description.addAll(List.of("", "Scenarios:"));
    Scenarios.ALL.forEach(s -> description.add(String.format("  %-8s %s", s.name(), s.summary())));
    description.add("  all      every scenario above, in that order");
    commandLine.getCommandSpec().usageMessage().description(description.toArray(String[]::new));
    commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
      System.err.println("bench: failed: " + error.getMessage());
      if (System.getenv("BENCH_DEBUG") != null) {
        error.printStackTrace();
      } else {
        System.err.println("bench: BENCH_DEBUG=1 shows the stack trace; each service's log is in the run's work directory");
      }
      return 1;
    });
    System.exit(commandLine.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<Scenario> chosen = chosen();
    String runId = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    BenchSettings settings = new BenchSettings(bootstrapServers, submissions, rate, Durations.parse(duration),
        Durations.parse(warmup), partitions, replicationFactor, seed, out,
        List.of(koersJvmOptions.strip().split("\\s+")), Duration.ofMillis(100), decisions, decisionEvents);
    Path workDir = Files.createDirectories(out.resolve("work-" + runId));
    try (BenchRun run = new BenchRun(settings, workDir, runId)) {
      Report report = new Report(System.getProperty("bench.command", "bench/run.sh " + scenario), run);
      report.broker(run.broker());
      for (Scenario each : chosen) {
        run.progress("scenario " + each.name() + ": " + each.summary());
        report.add(each.run(run));
      }
      Path file = report.write(out);
      System.out.println();
      System.out.print(report.text());
      System.out.println("written to " + file + " (and " + out.resolve("pipeline.txt") + "); logs in " + workDir);
    }
    return 0;
  }

  private List<Scenario> chosen() {
    if (scenario.equals("all")) {
      return Scenarios.ALL;
    }
    return List.of(Scenarios.named(scenario).orElseThrow(() -> new CommandLine.ParameterException(
        new CommandLine(this), "no scenario '" + scenario + "'; choose all or one of " + Scenarios.names())));
  }
}
