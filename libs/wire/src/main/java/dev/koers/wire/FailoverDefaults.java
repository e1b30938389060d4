package dev.koers.wire;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What bounds how soon another instance takes over the partitions of one that died, chosen shorter than Kafka's
 * defaults; an operator's client property of the same name wins (docs/operations.md#recovery-times).
 */
public final class FailoverDefaults {

  /** A dead member's partitions wait this long before they move: 10 s instead of the consumer's 45 s. */
  public static final int SESSION_TIMEOUT_MS = 10_000;
  /** A warm copy of every store on another instance, so a takeover need not restore from the changelog. */
  public static final int STANDBY_REPLICAS = 1;

  private FailoverDefaults() {}

  public static Map<String, Object> values() {
    return Map.of(
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS,
        StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, STANDBY_REPLICAS);
  }
}
