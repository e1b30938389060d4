package dev.koers.audit.cli;

/** The exit codes of {@code koers audit} (docs/audit.md), and their lines in every subcommand's help. */
public final class ExitCodes {

  /** Everything read verifies (or was written). */
  public static final int OK = 0;
  /** Something in the log is broken (tampering or a poison record), or differs from the digest. */
  public static final int BROKEN = 1;
  /** The command line is wrong (picocli's own code for usage errors). */
  public static final int USAGE = 2;
  /**
   * The log or a file could not be read or written, or not to the end of the extent: nothing can be said about
   * the log.
   */
  public static final int CANNOT_READ = 3;
  /** The audit itself failed (a bug, or the JVM ran out of memory): no verdict was reached. */
  public static final int INTERNAL_FAILURE = 4;

  static final String HEADING = "%nExit codes:%n";
  static final String USAGE_LINE = "2:usage error (a missing or malformed option)";
  static final String CANNOT_READ_LINE = "3:the log could not be read to the end of its extent (Kafka "
      + "unreachable, topic missing, a partition that stopped answering), or a file could not be read or written";
  static final String INTERNAL_FAILURE_LINE = "4:internal failure of the audit (a bug, out of memory): no verdict";

  private ExitCodes() {}
}
