package dev.koers.cli;

import dev.koers.audit.cli.DigestCommand;
import dev.koers.audit.cli.ExportCommand;
import dev.koers.audit.cli.ReplayCommand;
import dev.koers.audit.cli.VerifyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code koers audit}: the auditor's subcommands, which live in services/audit (docs/audit.md). */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"The auditor's tool: reads koers.decision.events directly from Kafka,",
        "read-only, to replay decisions and metrics (also as of an instant), verify",
        "every hash chain, take and check digests, and export (docs/audit.md)."},
    subcommands = {ReplayCommand.class, VerifyCommand.class, DigestCommand.class, ExportCommand.class})
final class AuditCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a subcommand: replay, verify, digest or export");
  }
}
