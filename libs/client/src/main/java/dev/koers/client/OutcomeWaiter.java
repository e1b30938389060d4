package dev.koers.client;

import dev.koers.schema.Outcome;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.Topic;
import dev.koers.wire.TopicTail;
import io.micrometer.core.instrument.MeterRegistry;
import dev.koers.wire.proof.SubmissionHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Completes whoever waits for a submission's outcome. Every client reads every partition of the outcomes
 * topic (no consumer group), because any client may be waiting for any outcome. Each request waits under its
 * own reply id, which the ledger puts on that request's answer: many requests may wait on one idempotency key,
 * and each is completed by its own answer only.
 */
final class OutcomeWaiter implements AutoCloseable {

  private final Map<String, CompletableFuture<Outcome>> waiting = new ConcurrentHashMap<>();
  private final Deserializer<Outcome> outcomes;
  private final TopicTail<Reply> tail;

  OutcomeWaiter(KafkaConnection connection, Topic<String, Outcome> topic, String clientId, MeterRegistry meters) {
    this.outcomes = topic.valueSerde().deserializer();
    this.tail = new TopicTail<>(connection, clientId, List.of(topic.name()), this::read, this::complete,
        meters);
  }

  void start(Duration timeout) {
    tail.start(timeout);
  }

  /** Register before publishing, so an outcome that comes back fast is not missed. */
  CompletableFuture<Outcome> expect(String replyId) {
    CompletableFuture<Outcome> future = new CompletableFuture<>();
    if (waiting.putIfAbsent(replyId, future) != null) {
      throw new IllegalStateException("reply id " + replyId + " is already waited for");
    }
    return future;
  }

  void forget(String replyId) {
    waiting.remove(replyId);
  }

  /** Requests waiting now (a finished request leaves none behind). */
  int waiting() {
    return waiting.size();
  }

  boolean isRunning() {
    return tail.isRunning();
  }

  /** An outcome and the reply id of the request it answers (none on outcomes of an older ledger). */
  private record Reply(String replyId, Outcome outcome) {}

  private Reply read(ConsumerRecord<String, byte[]> record) {
    Outcome outcome = outcomes.deserialize(record.topic(), record.value());
    if (outcome == null) {
      throw new IllegalArgumentException("no value: the ledger never writes an empty outcome");
    }
    return new Reply(SubmissionHeaders.replyId(record.headers()).orElse(null), outcome);
  }

  private void complete(Reply reply) {
    CompletableFuture<Outcome> future = reply.replyId() == null ? null : waiting.remove(reply.replyId());
    if (future != null) {
      future.complete(reply.outcome());
    }
  }

  @Override
  public void close() {
    tail.close();
  }
}
