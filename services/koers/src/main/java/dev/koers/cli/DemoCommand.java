package dev.koers.cli;

import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Feeds realistic traffic into a running Koers.", "Not built yet in this version."})
final class DemoCommand extends NotBuiltYet {
  DemoCommand() {
    super("'koers demo'");
  }
}
