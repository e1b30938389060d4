package dev.koers.wire;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration every Koers stream application starts from: its guarantees, which no client
 * property overrides, over the {@link FailoverDefaults}, which an operator's client property does.
 */
public record StreamsSettings(KafkaConnection connection, String applicationId, Path stateDir,
                              short replicationFactor, long commitIntervalMs, String applicationServer) {

  /** Against a cluster reached without extra client properties (tests, the embedded broker). */
  public StreamsSettings(String bootstrapServers, String applicationId, Path stateDir, short replicationFactor,
                         long commitIntervalMs, String applicationServer) {
    this(KafkaConnection.plain(bootstrapServers), applicationId, stateDir, replicationFactor, commitIntervalMs,
        applicationServer);
  }

  public Properties toProperties() {
    Map<String, Object> props = new HashMap<>();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
    // Every Koers application reads the log exactly once and publishes atomically.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    // A stream thread commits only between polls: with the default poll of 100 ms, an idle thread holding
    // uncommitted answers commits up to 100 ms after the interval is due, and every waiting client waits too.
    props.put(StreamsConfig.POLL_MS_CONFIG, pollMs(commitIntervalMs));
    // Opt in now to what Kafka 5.0 makes the default, and keep the logs free of the warning.
    props.put("processing.exception.handler.global.enabled", true);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    if (applicationServer != null) {
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    Properties properties = new Properties();
    properties.putAll(connection.config(FailoverDefaults.values(), props));
    return properties;
  }

  /** A tenth of the commit interval, at least 1 ms and at most Kafka Streams' default of 100 ms. */
  static long pollMs(long commitIntervalMs) {
    return Math.max(1, Math.min(100, commitIntervalMs / 10));
  }
}
