package dev.koers.testkit;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Deserializer;

/** Everything committed on a topic right now, read from the beginning up to the current end offsets. */
public final class TopicSnapshot {

  private TopicSnapshot() {}

  public static <K, V> List<ConsumerRecord<K, V>> read(KafkaTestEnv env, String topic, Deserializer<K> keys,
                                                        Deserializer<V> values) {
    // Only what committed transactions wrote counts, as for every real reader of the log.
    try (TopicReader<K, V> reader = new TopicReader<>(env.bootstrapServers(), topic, IsolationLevel.READ_COMMITTED,
        keys, values)) {
      return List.copyOf(reader.catchUp());
    }
  }
}
