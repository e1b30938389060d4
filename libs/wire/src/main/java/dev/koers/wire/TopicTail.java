package dev.koers.wire;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of some topics from their current end, committed records only, decodes each record
 * and hands it to a handler on its own thread. No consumer group: every process that tails sees every record.
 * A record the decoder cannot read is skipped ({@link UnreadableRecords}); it never stops the reader.
 */
public final class TopicTail<V> implements AutoCloseable {

  /** Reads a record: null when there is nothing to hand on (a tombstone), an exception when it is unreadable. */
  @FunctionalInterface
  public interface Decoder<V> {
    V decode(ConsumerRecord<String, byte[]> record);
  }

  private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<String> topics;
  private final Decoder<V> decoder;
  private final Consumer<V> handler;
  private final UnreadableRecords unreadable;
  private final Thread thread;
  private final CountDownLatch positioned = new CountDownLatch(1);
  private volatile boolean running = true;

  public TopicTail(KafkaConnection connection, String clientId, List<String> topics, Decoder<V> decoder,
                   Consumer<V> handler, MeterRegistry meters) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    this.consumer = new KafkaConsumer<>(connection.config(config), new StringDeserializer(), new ByteArrayDeserializer());
    this.topics = List.copyOf(topics);
    this.decoder = decoder;
    this.handler = handler;
    this.unreadable = new UnreadableRecords(clientId, meters);
    this.thread = new Thread(this::follow, clientId);
    thread.setDaemon(true);
  }

  /** Starts following and returns once the end offsets are known: records after this call are seen. */
  public TopicTail<V> start(Duration timeout) {
    thread.start();
    try {
      if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(topics + " could not be read within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting to read " + topics, e);
    }
    return this;
  }

  public boolean isRunning() {
    return running && thread.isAlive();
  }

  private void follow() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve the end offsets now, before anyone relies on them
      positioned.countDown();
      while (running) {
        consumer.poll(Duration.ofMillis(100)).forEach(this::hand);
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("Stopped reading {}: {}", topics, e.toString());
    } finally {
      running = false;
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void hand(ConsumerRecord<String, byte[]> record) {
    V value;
    try {
      value = decoder.decode(record);
    } catch (RuntimeException e) {
      unreadable.skip(record, e);
      return;
    }
    if (value != null) {
      handler.accept(value);
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
