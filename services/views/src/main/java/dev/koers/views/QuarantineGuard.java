package dev.koers.views;

import dev.koers.schema.DecisionEvent;
import dev.koers.wire.DeadLetter;
import dev.koers.wire.KoersTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of the decision fold: reads each record of the log itself, and when a record cannot be read
 * or folded it sets that one decision aside (an entry in {@link QuarantineStores#ENTRIES}, a dead letter, one
 * log line) instead of stopping the views. Later records of a quarantined decision are held, not folded. Once
 * each time this instance takes the task on (a start, a rebalance) it tries the held records again, so a version
 * that can fold them releases the decision (docs/operations.md).
 */
final class QuarantineGuard implements Processor<byte[], byte[], String, ViewChange> {

  static final Duration REFOLD_AFTER_START = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(QuarantineGuard.class);

  private final Processor<String, DecisionEvent, String, ViewChange> fold;
  private final Deserializer<DecisionEvent> events;
  private final String eventsTopic;
  private ProcessorContext<String, ViewChange> context;
  private KeyValueStore<String, QuarantineEntry> entries;
  private KeyValueStore<String, HeldEvent> held;
  private Cancellable refold;

  QuarantineGuard(KoersTopics topics, Processor<String, DecisionEvent, String, ViewChange> fold) {
    this.fold = fold;
    this.events = topics.events().valueSerde().deserializer();
    this.eventsTopic = topics.events().name();
  }

  @Override
  public void init(ProcessorContext<String, ViewChange> context) {
    this.context = context;
    this.entries = context.getStateStore(QuarantineStores.ENTRIES);
    this.held = context.getStateStore(QuarantineStores.HELD);
    fold.init(context);
    this.refold = context.schedule(REFOLD_AFTER_START, PunctuationType.WALL_CLOCK_TIME, now -> refoldOnce());
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.key() == null) {
      // Without a key there is no decision to set aside: the record costs only itself.
      deadLetter(record, "NO_KEY", "a record on the log must be keyed by its decision id");
      LOG.warn("Skipped a record without a key at {}", DeadLetter.position(context));
      return;
    }
    String decisionId = new String(record.key(), StandardCharsets.UTF_8);
    QuarantineEntry entry = entries.get(decisionId);
    RecordMetadata where = context.recordMetadata().orElseThrow();
    HeldEvent event = new HeldEvent(where.topic(), where.partition(), where.offset(), record.timestamp(),
        record.value());
    if (entry != null) {
      hold(entry, event);
      return;
    }
    attempt(decisionId, event).ifPresent(failure -> quarantine(decisionId, record, event, failure));
  }

  @Override
  public void close() {
    fold.close();
  }

  /** Reads and folds one record; empty when it went in, else why not. */
  private Optional<Failure> attempt(String decisionId, HeldEvent record) {
    DecisionEvent event;
    try {
      event = events.deserialize(eventsTopic, record.value());
    } catch (SerializationException e) {
      return Optional.of(new Failure(QuarantineEntry.UNREADABLE_EVENT, e.getMessage(), null));
    }
    if (event == null) {
      return Optional.of(new Failure(QuarantineEntry.UNREADABLE_EVENT, "the record has no value", null));
    }
    if (!decisionId.equals(event.getDecisionId())) {
      return Optional.of(new Failure(QuarantineEntry.KEY_MISMATCH, "record key '" + decisionId
          + "' is not the event's decision id '" + event.getDecisionId() + "'", event.getSequence()));
    }
    try {
      fold.process(new Record<>(decisionId, event, record.timestamp(), new RecordHeaders()));
      return Optional.empty();
    } catch (KafkaException e) {
      throw e; // Kafka's own failures (a store, a producer, a migrated task) are not this decision's fault.
    } catch (RuntimeException e) {
      return Optional.of(new Failure(QuarantineEntry.UNFOLDABLE_EVENT, e.toString(), event.getSequence()));
    }
  }

  private void quarantine(String decisionId, Record<byte[], byte[]> record, HeldEvent event, Failure failure) {
    QuarantineEntry entry = new QuarantineEntry(decisionId, failure.code(), failure.message(), event.topic(),
        event.partition(), event.offset(), failure.sequence(), Instant.ofEpochMilli(context.currentSystemTimeMs()),
        0);
    entries.put(decisionId, entry);
    held.put(QuarantineStores.heldKey(decisionId, event.offset()), event);
    deadLetter(record, failure.code(), failure.message());
    LOG.warn("Quarantined decision {}: its record at {} cannot be folded ({}: {}); its later events are held",
        decisionId, entry.position(), failure.code(), failure.message());
  }

  private void hold(QuarantineEntry entry, HeldEvent event) {
    String key = QuarantineStores.heldKey(entry.decisionId(), event.offset());
    if (held.get(key) == null) {
      held.put(key, event);
      entries.put(entry.decisionId(), entry.withOneMoreHeld());
    }
  }

  private void deadLetter(Record<byte[], byte[]> record, String code, String message) {
    Record<byte[], byte[]> letter = DeadLetter.of(record, code, message, context);
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    context.forward(new Record<>(key, new ViewChange.DeadLettered(letter.key(), letter.value()), letter.timestamp(),
        letter.headers()));
  }

  /** After a start, perhaps with a version that can fold them: every quarantined decision's held records again. */
  private void refoldOnce() {
    refold.cancel();
    List<String> quarantined = new ArrayList<>();
    try (KeyValueIterator<String, QuarantineEntry> all = entries.all()) {
      all.forEachRemaining(entry -> quarantined.add(entry.key));
    }
    quarantined.forEach(this::refold);
  }

  private void refold(String decisionId) {
    List<KeyValue<String, HeldEvent>> records = new ArrayList<>();
    try (KeyValueIterator<String, HeldEvent> scan = held.prefixScan(QuarantineStores.heldPrefix(decisionId),
        Serdes.String().serializer())) {
      scan.forEachRemaining(kv -> {
        if (QuarantineStores.heldBy(kv.key, decisionId)) {
          records.add(kv);
        }
      });
    }
    QuarantineEntry entry = entries.get(decisionId);
    for (int i = 0; i < records.size(); i++) {
      HeldEvent event = records.get(i).value;
      Optional<Failure> failure = attempt(decisionId, event);
      if (failure.isPresent()) {
        stillQuarantined(entry, event, failure.get(), records.size() - i - 1);
        return;
      }
      held.delete(records.get(i).key);
    }
    entries.delete(decisionId);
    LOG.info("Released decision {} from quarantine: its {} held records folded", decisionId, records.size());
  }

  private void stillQuarantined(QuarantineEntry entry, HeldEvent event, Failure failure, long stillHeld) {
    if (event.offset() != entry.offset()) {
      // The old poison folded now, a later record did not: the entry moves to that one.
      entries.put(entry.decisionId(), new QuarantineEntry(entry.decisionId(), failure.code(), failure.message(),
          event.topic(), event.partition(), event.offset(), failure.sequence(),
          Instant.ofEpochMilli(context.currentSystemTimeMs()), stillHeld));
    }
    LOG.info("Decision {} stays quarantined: its record at {}-{}@{} still cannot be folded ({})", entry.decisionId(),
        event.topic(), event.partition(), event.offset(), failure.code());
  }

  private record Failure(String code, String message, Long sequence) {}
}
