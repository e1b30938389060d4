package dev.koers.cli;

import dev.koers.wire.proof.SubmissionKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ledger", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs the ledger alone against a Kafka cluster: it reads koers.decision.submissions, applies the rules, and appends to koers.decision.events and koers.decision.outcomes, exactly once. Run several for more throughput; partitions are the unit of parallelism.")
final class LedgerCommand implements Callable<Integer> {

  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Option(names = "--clock-skew", defaultValue = "PT2M", description = "How far in the future occurredAt may lie (default: ${DEFAULT-VALUE}).")
  Duration clockSkew;

  @Option(names = "--ready-file", paramLabel = "FILE", description = "A file kept while the ledger is RUNNING and removed when it stops, for a container healthcheck (default: none).")
  Path readyFile;

  @Mixin
  SubmissionKeyOption submissionKey = new SubmissionKeyOption();

  @Override
  public Integer call() throws InterruptedException {
    SubmissionKey key = submissionKey.load();
    return StreamsServiceRunner.run(cluster, apps -> apps.ledger(clockSkew, key), new ReadyFile(readyFile));
  }
}
