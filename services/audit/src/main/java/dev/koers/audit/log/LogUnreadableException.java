package dev.koers.audit.log;

/** The log could not be read at all (Kafka unreachable, topic missing, a partition that stopped answering). */
public final class LogUnreadableException extends RuntimeException {

  public LogUnreadableException(String message) {
    super(message);
  }

  public LogUnreadableException(String message, Throwable cause) {
    super(message, cause);
  }
}
