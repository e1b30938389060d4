package dev.koers.audit.cli;

/** The exit codes of {@code koers audit} (docs/audit.md). */
public final class ExitCodes {

  /** Everything read verifies (or was written). */
  public static final int OK = 0;
  /** Something in the log is broken, or differs from the digest. */
  public static final int BROKEN = 1;
  /** The command line is wrong (picocli's own code for usage errors). */
  public static final int USAGE = 2;
  /** The log or a file could not be read or written at all: nothing can be said about the log. */
  public static final int CANNOT_READ = 3;

  private ExitCodes() {}
}
