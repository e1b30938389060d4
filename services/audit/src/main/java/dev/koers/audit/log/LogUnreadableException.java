package dev.koers.audit.log;

/**
 * The log could not be read at all, or not to the end of the extent (Kafka unreachable, topic missing, a
 * partition that stopped answering, a read that ended early).
 */
public class LogUnreadableException extends RuntimeException {

  public LogUnreadableException(String message) {
    super(message);
  }

  public LogUnreadableException(String message, Throwable cause) {
    super(message, cause);
  }
}
