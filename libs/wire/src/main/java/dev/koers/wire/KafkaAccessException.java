package dev.koers.wire;

/** Kafka cannot be used as configured (credentials, TLS, address, rights): something the operator fixes. */
public final class KafkaAccessException extends RuntimeException {

  public KafkaAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
