package dev.koers.wire;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * What a Koers stream application does with a record it cannot handle, beyond what its processors catch
 * themselves (the ledger's dead letters, the views' quarantine): Kafka Streams logs it, sends it to the
 * dead-letter topic with its own {@code __streams.errors.*} headers (KIP-1034) and goes on, so one record
 * costs itself and not the application (docs/operations.md).
 */
public final class StreamsErrorHandling {

  private StreamsErrorHandling() {}

  public static Properties applyTo(Properties props, String deadLetterTopic) {
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
    return props;
  }
}
