package dev.koers.audit.log;

/** A read ended before it covered its whole extent: nothing can be said about the log (exit code 3). */
public final class IncompleteReadException extends LogUnreadableException {

  public IncompleteReadException(String message) {
    super(message);
  }
}
