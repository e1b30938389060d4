package dev.koers.cli;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "views", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs the views against a Kafka cluster: folds koers.decision.events into state stores and answers the API's queries (no commands) for the keys it owns, forwarding the others. Every views instance serves HTTP, because any instance may be asked for any key.")
final class ViewsCommand implements Callable<Integer> {

  @Mixin
  ClusteredNodeOptions node = new ClusteredNodeOptions();

  @Override
  public Integer call() throws InterruptedException {
    return ClusterNodeRunner.run(node, Duration.ofSeconds(5), EnumSet.noneOf(NodePart.class), null);
  }
}
