package dev.koers.audit.cli;

import dev.koers.audit.log.LogUnreadableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** An audit subcommand: runs, and turns "the log cannot be read at all" into a message and exit code 3. */
abstract class LogCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (LogUnreadableException e) {
      return cannotRead(e.getMessage());
    } catch (IOException e) {
      return cannotRead(e.toString());
    } catch (UncheckedIOException e) {
      return cannotRead(e.getCause().toString());
    }
  }

  abstract int run() throws IOException;

  private int cannotRead(String why) {
    spec.commandLine().getErr().println("koers audit " + spec.name() + ": " + why);
    spec.commandLine().getErr().flush();
    return ExitCodes.CANNOT_READ;
  }
}
