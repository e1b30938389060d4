package dev.koers.audit.log;

import dev.koers.wire.KafkaConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How the audit reads Kafka: read-only and out of any consumer group (assign and seek, never a commit), and
 * only what committed transactions wrote, which is all the ledger ever makes visible.
 *
 * @param connection the cluster and the client properties passed through
 * @param clientId the client id Kafka's logs and quotas see
 * @param idleTimeout how long a partition may return nothing before the read gives up
 */
public record ReaderSettings(KafkaConnection connection, String clientId, Duration idleTimeout) {

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  public static ReaderSettings of(String bootstrapServers) {
    return new ReaderSettings(KafkaConnection.plain(bootstrapServers), "koers-audit", DEFAULT_IDLE_TIMEOUT);
  }

  public String bootstrapServers() {
    return connection.bootstrapServers();
  }

  public Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Offsets come from seek, never from a group: fail loudly rather than jump anywhere.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    // Bulk reading, as Kafka's ConsumerPerformance does.
    config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 2 * 1024 * 1024);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    return connection.config(config);
  }
}
