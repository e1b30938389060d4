package dev.koers.bench.audit;

import dev.koers.audit.cli.ReplayCommand;
import dev.koers.audit.cli.VerifyCommand;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * For the benchmark: runs one audit subcommand once in this fresh JVM, as {@code koers audit} does, and prints
 * how long the command took (JVM start-up excluded) and its exit code.
 * Usage: {@code TimedCommand replay|verify <options>}.
 */
public final class TimedCommand {

  private TimedCommand() {}

  public static void main(String[] args) {
    Object command = switch (args[0]) {
      case "replay" -> new ReplayCommand();
      case "verify" -> new VerifyCommand();
      default -> throw new IllegalArgumentException("replay or verify, not " + args[0]);
    };
    long start = System.nanoTime();
    int exitCode = new CommandLine(command).execute(Arrays.copyOfRange(args, 1, args.length));
    System.out.println("timed-command exit=" + exitCode + " nanos=" + (System.nanoTime() - start));
    System.exit(exitCode);
  }
}
