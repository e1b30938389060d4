package dev.koers.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/**
 * Where Kafka is and how to reach it: the bootstrap servers and the client properties the operator passes
 * through (SASL, TLS, timeouts: anything Kafka's clients accept, see {@link KafkaClientProperties}). Every
 * producer, consumer, admin client and Streams application of Koers gets its config from here.
 *
 * @param bootstrapServers the cluster, host:port[,host:port...]
 * @param clientProperties passed to every client; Koers' own settings for a client win over them (they carry
 *                         its guarantees: exactly-once, read_committed, acks=all)
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientProperties) {

  public KafkaConnection {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("the Kafka bootstrap servers are required");
    }
    clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
  }

  /** A cluster reached without any extra client properties (PLAINTEXT, as the embedded broker is). */
  public static KafkaConnection plain(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, Map.of());
  }

  /** One client's config: the passed-through properties, then Koers' settings for it, then the servers. */
  public Map<String, Object> config(Map<String, ?> koersSettings) {
    return config(Map.of(), koersSettings);
  }

  /**
   * As {@link #config(Map)}, under {@code defaults} that the passed-through properties may override (tuning, not
   * guarantees).
   */
  public Map<String, Object> config(Map<String, ?> defaults, Map<String, ?> koersSettings) {
    Map<String, Object> config = new HashMap<>(defaults);
    config.putAll(clientProperties);
    config.putAll(koersSettings);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  public Admin admin() {
    return Admin.create(config(Map.of()));
  }

  /** For logs and messages: the servers and the security protocol, never a secret. */
  @Override
  public String toString() {
    return bootstrapServers + " (" + clientProperties.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
        CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL) + ")";
  }
}
