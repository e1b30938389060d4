package dev.koers.cli;

import picocli.CommandLine.Command;

@Command(name = "api", mixinStandardHelpOptions = true,
    description = {"Runs the HTTP API alone against a cluster (--bootstrap-servers).",
        "Not built yet in this version: answering queries from any instance needs the multi-instance views.",
        "Use 'koers up' to run the API with an embedded broker."})
final class ApiCommand extends NotBuiltYet {
  ApiCommand() {
    super("'koers api' (cluster mode)");
  }
}
