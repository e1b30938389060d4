package dev.koers.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a whole topic from its start, without a consumer group, and keeps what it has read: {@link #catchUp}
 * reads on up to the current end (for {@code read_committed}: the last stable offset, so nothing of an open
 * or aborted transaction is ever seen). Records of one partition stay in log order.
 */
public final class TopicReader<K, V> implements AutoCloseable {

  private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaConsumer<K, V> consumer;
  private final List<TopicPartition> partitions;
  private final List<ConsumerRecord<K, V>> records = new ArrayList<>();

  public TopicReader(String bootstrapServers, String topic, IsolationLevel isolation, Deserializer<K> keys,
      Deserializer<V> values) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    this.consumer = new KafkaConsumer<>(config, keys, values);
    this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(info -> new TopicPartition(topic, info.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Reads on until every partition's position reaches the end it has now; returns all records read so far. */
  public List<ConsumerRecord<K, V>> catchUp() {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Instant deadline = Instant.now().plus(CATCH_UP_TIMEOUT);
    while (!reached(end)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("could not read " + partitions + " up to " + end + " within "
            + CATCH_UP_TIMEOUT);
      }
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }
    return List.copyOf(records);
  }

  public List<V> values() {
    return catchUp().stream().map(ConsumerRecord::value).toList();
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
