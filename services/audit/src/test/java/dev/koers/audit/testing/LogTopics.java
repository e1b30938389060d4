package dev.koers.audit.testing;

import dev.koers.audit.log.LogReader;
import dev.koers.audit.log.ReaderSettings;
import dev.koers.audit.progress.Progress;
import dev.koers.schema.DecisionEvent;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.wire.AvroSerde;
import dev.koers.wire.KoersTopics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes event logs to, and reads them from, fresh topics on the test broker. */
public final class LogTopics {

  public static final int PARTITIONS = 3;

  private final KafkaTestEnv env;

  public LogTopics(KafkaTestEnv env) {
    this.env = env;
  }

  /** A fresh topic prefix; its events topic is {@code prefix + koers.decision.events}, created with 3 partitions. */
  public String freshPrefix(String base) {
    String prefix = env.uniqueName(base) + ".";
    env.createTopics(PARTITIONS, eventsTopic(prefix));
    return prefix;
  }

  public static String eventsTopic(String prefix) {
    return prefix + KoersTopics.EVENTS;
  }

  /**
   * Appends events as the ledger does: keyed by decision id, Avro single-object values, in committed
   * transactions (of 25 events, so the log holds transaction markers too), compressed with lz4 as the ledger's are.
   */
  public void writeAsLedger(String prefix, List<DecisionEvent> events) {
    writeAsLedger(prefix, events, 25);
  }

  /** As {@link #writeAsLedger(String, List)}, with this many events per transaction. */
  public void writeAsLedger(String prefix, List<DecisionEvent> events, int perTransaction) {
    AvroSerde<DecisionEvent> serde = AvroSerde.of(DecisionEvent.class);
    Map<String, Object> config = env.clientConfig();
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "audit-test-" + UUID.randomUUID());
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      for (int from = 0; from < events.size(); from += perTransaction) {
        producer.beginTransaction();
        for (DecisionEvent event : events.subList(from, Math.min(events.size(), from + perTransaction))) {
          producer.send(new ProducerRecord<>(eventsTopic(prefix), event.getDecisionId(), serde.encode(event)));
        }
        producer.commitTransaction();
      }
    }
  }

  /** Writes the records exactly as given, each to its partition, in order: offsets 0, 1, 2... per partition. */
  public void writeCopy(String prefix, RawLog log) {
    Map<String, Object> config = env.clientConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      log.partitions().forEach((partition, records) -> records.forEach(r -> sent.add(producer.send(
          new ProducerRecord<>(eventsTopic(prefix), partition, r.key(), r.value())))));
      producer.flush();
      for (Future<RecordMetadata> future : sent) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot copy the log", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while copying the log", e);
    }
  }

  /**
   * Writes one record by hand, outside any transaction and past the ledger, as an operator with a console
   * producer could; the key picks the partition as it does for the ledger's records.
   *
   * @return where it landed
   */
  public RecordMetadata writeByHand(String prefix, String key, byte[] value) {
    Map<String, Object> config = env.clientConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      return producer.send(new ProducerRecord<>(eventsTopic(prefix), key, value)).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write the record", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the record", e);
    }
  }

  /** Every record of the prefix's events topic, raw, per partition. */
  public RawLog read(String prefix) {
    RawLog log = new RawLog(PARTITIONS);
    try (LogReader reader = new LogReader(ReaderSettings.of(env.bootstrapServers()))) {
      reader.read(reader.currentExtent(eventsTopic(prefix)), log::add, Progress.NONE);
    }
    return log;
  }
}
