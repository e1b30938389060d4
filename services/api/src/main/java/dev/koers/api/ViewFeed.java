package dev.koers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import dev.koers.views.ViewJson;
import dev.koers.wire.KoersTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted view topics from their end and hands every change to the subscribers of the event
 * stream. It reads the topics, not the local stores, so that each instance streams every change of every
 * partition, whoever computed it.
 */
public final class ViewFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ViewFeed.class);

  /** One change of a view: the event name, the unit it concerns (null for a manager's), and its JSON. */
  public record Change(String event, String id, String unit, ObjectNode data) {}

  /** A subscriber's callback; it must not block. */
  public interface Subscriber {
    void accept(Change change);
  }

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final KoersTopics topics;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private final CountDownLatch positioned = new CountDownLatch(1);
  private volatile boolean running = true;

  public ViewFeed(String bootstrapServers, KoersTopics topics) {
    this.topics = topics;
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "koers-view-feed");
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::follow, "koers-view-feed");
    thread.setDaemon(true);
  }

  public ViewFeed start(Duration timeout) throws InterruptedException {
    thread.start();
    if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the view topics could not be read within " + timeout);
    }
    return this;
  }

  public void subscribe(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  public void unsubscribe(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  public boolean isRunning() {
    return running && thread.isAlive();
  }

  private void follow() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(topics.viewDecisions().name(), topics.viewMetrics().name())) {
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve the end now: subscribers see what comes after
      positioned.countDown();
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          publish(change(record));
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("The view feed stopped: {}", e.toString());
    } finally {
      running = false;
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private Change change(ConsumerRecord<String, byte[]> record) {
    if (record.topic().equals(topics.viewDecisions().name())) {
      DecisionSummary summary = decode(topics.viewDecisions().valueSerde().deserializer(), record);
      return summary == null ? null : new Change("decision", record.key(), summary.getUnit(), ViewJson.decision(summary));
    }
    MetricsView metrics = decode(topics.viewMetrics().valueSerde().deserializer(), record);
    if (metrics == null) {
      return null; // an aggregate that emptied out; the next figures arrive as a change of their own
    }
    String unit = metrics.getScopeKind() == dev.koers.schema.view.ScopeKind.UNIT ? metrics.getScopeId() : null;
    return new Change("metrics", record.key(), unit, ViewJson.metrics(metrics));
  }

  private static <V> V decode(Deserializer<V> deserializer, ConsumerRecord<String, byte[]> record) {
    return deserializer.deserialize(record.topic(), record.value());
  }

  private void publish(Change change) {
    if (change == null) {
      return;
    }
    for (Subscriber subscriber : subscribers) {
      subscriber.accept(change);
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
