package dev.koers.cli;

import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"The auditor's tool: replay, as-of, verify and export the decision history.",
        "Not built yet in this version."})
final class AuditCommand extends NotBuiltYet {
  AuditCommand() {
    super("'koers audit'");
  }
}
