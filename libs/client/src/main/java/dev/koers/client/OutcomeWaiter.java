package dev.koers.client;

import dev.koers.schema.Outcome;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.Topic;
import dev.koers.wire.TopicTail;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Completes whoever waits for a submission's outcome. Every client reads every partition of the outcomes
 * topic (no consumer group), because any client may be waiting for any outcome.
 */
final class OutcomeWaiter implements AutoCloseable {

  private final Map<String, CompletableFuture<Outcome>> waiting = new ConcurrentHashMap<>();
  private final Deserializer<Outcome> outcomes;
  private final TopicTail<Outcome> tail;

  OutcomeWaiter(KafkaConnection connection, Topic<String, Outcome> topic, String clientId, MeterRegistry meters) {
    this.outcomes = topic.valueSerde().deserializer();
    this.tail = new TopicTail<>(connection, clientId, List.of(topic.name()), this::read, this::complete,
        meters);
  }

  void start(Duration timeout) {
    tail.start(timeout);
  }

  /** Register before publishing, so an outcome that comes back fast is not missed. */
  CompletableFuture<Outcome> expect(String decisionId, String submissionId) {
    return waiting.computeIfAbsent(key(decisionId, submissionId), k -> new CompletableFuture<>());
  }

  void forget(String decisionId, String submissionId) {
    waiting.remove(key(decisionId, submissionId));
  }

  boolean isRunning() {
    return tail.isRunning();
  }

  private Outcome read(ConsumerRecord<String, byte[]> record) {
    Outcome outcome = outcomes.deserialize(record.topic(), record.value());
    if (outcome == null) {
      throw new IllegalArgumentException("no value: the ledger never writes an empty outcome");
    }
    return outcome;
  }

  private void complete(Outcome outcome) {
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
    tail.close();
  }
}
