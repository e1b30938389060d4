package dev.koers.wire;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/** A typed topic: its name, its serdes and how it is created. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                          Map<String, String> configs) {

  public NewTopic newTopic(short replicationFactor) {
    return new NewTopic(name, partitions, replicationFactor).configs(configs);
  }
}
