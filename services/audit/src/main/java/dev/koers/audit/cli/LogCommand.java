package dev.koers.audit.cli;

import dev.koers.audit.log.LogUnreadableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * An audit subcommand: runs, and turns every way it can end without a verdict into a message and its own exit
 * code: "the log cannot be read" (3) and "the audit itself failed" (4), never the code of a broken log.
 */
abstract class LogCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (ParameterException e) {
      throw e; // picocli reports it as a usage error
    } catch (LogUnreadableException e) {
      return cannotRead(e.getMessage());
    } catch (IOException e) {
      return cannotRead(e.toString());
    } catch (UncheckedIOException e) {
      return cannotRead(e.getCause().toString());
    } catch (RuntimeException | Error e) { // an Error too: whatever stopped the pass, it gave no verdict
      return internalFailure(e);
    }
  }

  abstract int run() throws IOException;

  private int cannotRead(String why) {
    spec.commandLine().getErr().println("koers audit " + spec.name() + ": " + why);
    spec.commandLine().getErr().flush();
    return ExitCodes.CANNOT_READ;
  }

  private int internalFailure(Throwable e) {
    spec.commandLine().getErr().println("koers audit " + spec.name() + ": internal failure, no verdict: " + e);
    if (System.getenv("KOERS_DEBUG") != null) {
      e.printStackTrace(spec.commandLine().getErr());
    } else {
      spec.commandLine().getErr().println("koers audit " + spec.name() + ": (set KOERS_DEBUG=1 to see the stack "
          + "trace)");
    }
    spec.commandLine().getErr().flush();
    return ExitCodes.INTERNAL_FAILURE;
  }
}
