package dev.koers.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code koers topics}: provisioning of the Koers topics on a cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Provisions the Koers topics on a Kafka cluster (docs/topics.md, docs/operations.md).",
    subcommands = TopicsCreateCommand.class)
final class TopicsCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a subcommand: create");
  }
}
