package dev.koers.bench.pipeline;

/**
 * One measurement of the harness (drain, latency, memory, ...). It gets the run's shared parts (the broker,
 * fresh Koers installations, Kafka's perf tools) from {@link BenchRun} and answers with its part of the report.
 * A new scenario is a class implementing this, listed once in {@link Scenarios}.
 */
public interface Scenario {

  /** The name on the command line ({@code bench/run.sh <name>}). */
  String name();

  /** One line for {@code --help}: what it measures and against what. */
  String summary();

  ReportSection run(BenchRun run) throws Exception;
}
