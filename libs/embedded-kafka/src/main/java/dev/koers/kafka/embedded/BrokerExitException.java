package dev.koers.kafka.embedded;

/** Thrown where Kafka would have ended the embedding JVM (Exit.exit or Exit.halt). */
public class BrokerExitException extends RuntimeException {

    private final int status;

    public BrokerExitException(int status, String message) {
        super("Kafka tried to end the JVM with status " + status + (message == null ? "" : ": " + message));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
