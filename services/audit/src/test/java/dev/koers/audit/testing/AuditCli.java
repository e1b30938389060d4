package dev.koers.audit.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs an audit subcommand as the launcher would, capturing what it prints. */
public final class AuditCli {

  private AuditCli() {}

  public static Result run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** An exit code and what went to stdout and stderr. */
  public record Result(int exitCode, String out, String err) {}
}
