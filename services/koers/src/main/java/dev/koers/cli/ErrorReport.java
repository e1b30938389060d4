package dev.koers.cli;

import dev.koers.wire.KafkaAccessException;
import dev.koers.wire.PrivateFiles;
import dev.koers.wire.TopicProblem;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How a failed command ends: one line saying what went wrong, exit code 1. The stack trace only with
 * KOERS_DEBUG set, since a user rarely needs it and it buries the line that matters.
 */
final class ErrorReport implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    command.getErr().println("koers: " + describe(e));
    if (System.getenv("KOERS_DEBUG") != null) {
      e.printStackTrace(command.getErr());
    } else if (!(e instanceof UserError || e instanceof KafkaAccessException || e instanceof TopicProblem
        || e instanceof PrivateFiles.NotPrivate)) {
      command.getErr().println("koers: (set KOERS_DEBUG=1 to see the stack trace)");
    }
    return 1;
  }

  private static String describe(Throwable e) {
    if (e instanceof UserError || e instanceof IllegalArgumentException || e instanceof KafkaAccessException
        || e instanceof TopicProblem || e instanceof PrivateFiles.NotPrivate) {
      return e.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (because: " + root.getMessage() + ")";
  }
}
