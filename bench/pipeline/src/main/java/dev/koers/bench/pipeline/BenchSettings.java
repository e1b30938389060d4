package dev.koers.bench.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the command line asked for.
 *
 * @param bootstrapServers a cluster to measure on; null: the harness starts an embedded broker
 * @param submissions the drain's preloaded submissions
 * @param rate the latency scenario's submissions per second
 * @param duration how long the latency scenario measures each client
 * @param warmup how long it sends, unmeasured, before
 * @param partitions of every topic (Koers' and the perf tools')
 * @param replicationFactor of every topic; -1: the cluster's default
 * @param seed of the random histories
 * @param outDir where the report and the work directory go
 * @param koersJvmOptions of every koers process, as bin/koers gives them
 * @param commitInterval the Streams commit interval of the ledger and the views (the latency goals' unit)
 * @param decisions the memory scenario's decisions, held by koers up's views
 * @param decisionEvents events of each of those decisions: 1 opened, 2 and heard, 3 and decided
 */
public record BenchSettings(String bootstrapServers, int submissions, int rate, Duration duration, Duration warmup,
                            int partitions, short replicationFactor, long seed, Path outDir,
                            List<String> koersJvmOptions, Duration commitInterval, int decisions,
                            int decisionEvents) {

  public boolean embedded() {
    return bootstrapServers == null;
  }
}
