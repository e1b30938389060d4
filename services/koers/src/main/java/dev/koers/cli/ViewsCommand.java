package dev.koers.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "views", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs the views alone against a Kafka cluster: it folds koers.decision.events into state",
        "stores. (Queries over HTTP from a views instance come with the multi-instance views.)"})
final class ViewsCommand implements Callable<Integer> {

  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Override
  public Integer call() throws InterruptedException {
    return StreamsServiceRunner.run(cluster, apps -> apps.views(null));
  }
}
