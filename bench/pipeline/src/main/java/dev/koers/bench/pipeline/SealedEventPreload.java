package dev.koers.bench.pipeline;

import dev.koers.schema.DecisionEvent;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.Topic;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes sealed events onto the log as the ledger appends them (keyed by decision id, the topic's own serdes,
 * lz4), without the ledger: the fast way to give the views a large log. Says how far it got every 100,000
 * decisions.
 */
final class SealedEventPreload {

  private static final int PROGRESS_EVERY = 100_000;

  private SealedEventPreload() {}

  /** @return the events written */
  static long write(String bootstrapServers, Topic<String, DecisionEvent> events, DecidedLives lives, int decisions,
      Consumer<String> progress) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-memory-preload");
    AtomicReference<Exception> failure = new AtomicReference<>();
    long[] written = {0};
    try (KafkaProducer<String, DecisionEvent> producer = new KafkaProducer<>(
        KafkaConnection.plain(bootstrapServers).config(config), events.keySerde().serializer(),
        events.valueSerde().serializer())) {
      for (int i = 0; i < decisions && failure.get() == null; i++) {
        lives.decision(i, event -> {
          producer.send(new ProducerRecord<>(events.name(), event.getDecisionId(), event), (metadata, error) -> {
            if (error != null) {
              failure.compareAndSet(null, error);
            }
          });
          written[0]++;
        });
        if ((i + 1) % PROGRESS_EVERY == 0) {
          progress.accept(String.format("memory: %,d decisions written (%,d events)", i + 1, written[0]));
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("writing the log failed: " + failure.get().getMessage(), failure.get());
    }
    return written[0];
  }
}
