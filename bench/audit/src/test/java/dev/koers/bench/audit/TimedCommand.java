package dev.koers.bench.audit;

import dev.koers.audit.cli.ReplayCommand;
import dev.koers.audit.cli.VerifyCommand;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * For the benchmark: runs one audit subcommand {@code times} times in this fresh JVM (the first run cold, the
 * later ones warm), printing after each how long the command took (JVM start-up excluded) and its exit code.
 * Usage: {@code TimedCommand <times> replay|verify <options>}.
 */
public final class TimedCommand {

  private TimedCommand() {}

  public static void main(String[] args) {
    int times = Integer.parseInt(args[0]);
    String[] options = Arrays.copyOfRange(args, 2, args.length);
    int exitCode = 0;
    for (int run = 1; run <= times && exitCode == 0; run++) {
      Object command = switch (args[1]) {
        case "replay" -> new ReplayCommand();
        case "verify" -> new VerifyCommand();
        default -> throw new IllegalArgumentException("replay or verify, not " + args[1]);
      };
      long start = System.nanoTime();
      exitCode = new CommandLine(command).execute(options);
      System.out.println("timed-command run=" + run + " exit=" + exitCode + " nanos=" + (System.nanoTime() - start));
    }
    System.exit(exitCode);
  }
}
