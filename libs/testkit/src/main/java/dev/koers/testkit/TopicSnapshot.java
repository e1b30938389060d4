package dev.koers.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** Everything committed on a topic right now, read from the beginning up to the current end offsets. */
public final class TopicSnapshot {

  private static final Duration LIMIT = Duration.ofSeconds(60);

  private TopicSnapshot() {}

  public static <K, V> List<ConsumerRecord<K, V>> read(KafkaTestEnv env, String topic, Deserializer<K> keys,
                                                        Deserializer<V> values) {
    Map<String, Object> config = env.clientConfig();
    // Only what committed transactions wrote counts, as for every real reader of the log.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, LIMIT).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, LIMIT);
      List<ConsumerRecord<K, V>> records = new ArrayList<>();
      Instant deadline = Instant.now().plus(LIMIT);
      while (!reached(consumer, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("could not read " + topic + " to its end within " + LIMIT);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
