package dev.koers.cli;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "api", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs the HTTP API against a Kafka cluster (--bootstrap-servers): commands go to the ledger (run 'koers ledger' somewhere), queries are answered by this instance's views or forwarded to the instance that owns the key. Run several behind a load balancer.")
final class ApiCommand implements Callable<Integer> {

  @Mixin
  ClusteredNodeOptions node = new ClusteredNodeOptions();

  @Option(names = "--outcome-timeout", defaultValue = "PT5S", description = "How long to wait for the ledger's outcome (default: ${DEFAULT-VALUE}).")
  Duration outcomeTimeout;

  @Mixin
  SubmissionKeyOption submissionKey = new SubmissionKeyOption();

  @Override
  public Integer call() throws InterruptedException {
    return ClusterNodeRunner.run(node, outcomeTimeout, EnumSet.of(NodePart.COMMANDS), submissionKey.load());
  }
}
