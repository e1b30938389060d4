package dev.koers.client;

import dev.koers.schema.Outcome;
import dev.koers.wire.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the outcomes topic from its end and completes whoever waits for a submission's outcome. Every API
 * instance reads every partition (no consumer group), because any instance may be waiting for any outcome.
 */
final class OutcomeWaiter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutcomeWaiter.class);

  private final Map<String, CompletableFuture<Outcome>> waiting = new ConcurrentHashMap<>();
  private final KafkaConsumer<String, Outcome> consumer;
  private final Thread thread;
  private final CountDownLatch positioned = new CountDownLatch(1);
  private volatile boolean running = true;

  OutcomeWaiter(String bootstrapServers, Topic<String, Outcome> outcomes, String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // Only outcomes of committed ledger transactions are real.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    this.consumer = new KafkaConsumer<>(config, outcomes.keySerde().deserializer(),
        outcomes.valueSerde().deserializer());
    this.thread = new Thread(() -> follow(outcomes.name()), "koers-outcome-waiter");
    thread.setDaemon(true);
  }

  void start(Duration timeout) {
    thread.start();
    try {
      if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the outcomes topic could not be read within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the outcome waiter", e);
    }
  }

  /** Register before publishing, so an outcome that comes back fast is not missed. */
  CompletableFuture<Outcome> expect(String decisionId, String submissionId) {
    return waiting.computeIfAbsent(key(decisionId, submissionId), k -> new CompletableFuture<>());
  }

  void forget(String decisionId, String submissionId) {
    waiting.remove(key(decisionId, submissionId));
  }

  boolean isRunning() {
    return running && thread.isAlive();
  }

  private void follow(String topic) {
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve the end offsets now, before anyone submits
      positioned.countDown();
      while (running) {
        for (ConsumerRecord<String, Outcome> record : consumer.poll(Duration.ofMillis(200))) {
          complete(record.value());
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("Outcome waiter stopped: {}", e.toString());
    } finally {
      running = false;
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void complete(Outcome outcome) {
    if (outcome == null) {
      return;
    }
    CompletableFuture<Outcome> future = waiting.remove(key(outcome.getDecisionId(), outcome.getSubmissionId()));
    if (future != null) {
      future.complete(outcome);
    }
  }

  private static String key(String decisionId, String submissionId) {
    return decisionId + "/" + submissionId;
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
