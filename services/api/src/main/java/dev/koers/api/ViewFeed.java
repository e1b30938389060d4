package dev.koers.api;

import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import dev.koers.schema.view.ScopeKind;
import dev.koers.documents.ViewJson;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.TopicTail;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands every change of the compacted view topics to the subscribers of the event stream. It reads the
 * topics, not the local stores, so that each instance streams every change of every partition.
 */
public final class ViewFeed implements AutoCloseable {

  /**
   * One change of a view: the event name, the record key, the unit it concerns (null for a manager's), and its
   * JSON, rendered once for every subscriber.
   */
  public record Change(String event, String id, String unit, String json) {}

  /** A subscriber's callback; it must not block. */
  public interface Subscriber {
    void accept(Change change);
  }

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final KoersTopics topics;
  private final TopicTail<Change> tail;

  /** Counts the view records it cannot read ({@code koers.reader.unreadable}) on the given registry. */
  public ViewFeed(KafkaConnection connection, KoersTopics topics, MeterRegistry meters) {
    this.topics = topics;
    this.tail = new TopicTail<>(connection, "koers-view-feed",
        List.of(topics.viewDecisions().name(), topics.viewMetrics().name()), this::change, this::publish, meters);
  }

  public ViewFeed start(Duration timeout) {
    tail.start(timeout);
    return this;
  }

  public void subscribe(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  public void unsubscribe(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  public boolean isRunning() {
    return tail.isRunning();
  }

  private void publish(Change change) {
    subscribers.forEach(subscriber -> subscriber.accept(change));
  }

  /** Decodes and renders a record; null when there is nothing to send (a tombstone, or nobody listens). */
  private Change change(ConsumerRecord<String, byte[]> record) {
    if (subscribers.isEmpty()) {
      return null; // nobody listens: no need to decode and render
    }
    if (record.topic().equals(topics.viewDecisions().name())) {
      DecisionSummary summary = topics.viewDecisions().valueSerde().deserializer()
          .deserialize(record.topic(), record.value());
      return summary == null ? null
          : new Change("decision", record.key(), summary.getUnit(), ViewJson.decision(summary).toString());
    }
    MetricsView metrics = topics.viewMetrics().valueSerde().deserializer().deserialize(record.topic(), record.value());
    if (metrics == null) {
      return null; // an aggregate that emptied out
    }
    String unit = metrics.getScopeKind() == ScopeKind.UNIT ? metrics.getScopeId() : null;
    return new Change("metrics", record.key(), unit, ViewJson.metrics(metrics).toString());
  }

  @Override
  public void close() {
    tail.close();
  }
}
