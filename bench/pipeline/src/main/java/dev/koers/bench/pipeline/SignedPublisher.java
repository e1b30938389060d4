package dev.koers.bench.pipeline;

import dev.koers.schema.Submission;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.Topic;
import dev.koers.wire.proof.SubmissionFingerprint;
import dev.koers.wire.proof.SubmissionKey;
import dev.koers.wire.proof.SubmissionRecords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Preloads submissions as the Java client publishes them ({@code KoersClient.publish}): each signed with the
 * submission key by {@link SubmissionRecords} (the one place that signs), the actor as its caller, a fresh reply
 * id. Says how large the records were, so that the perf tools write records of the same size.
 */
final class SignedPublisher {

  /** Mean bytes of a record as it travels: key, value and headers. */
  record Sizes(long records, double meanKeyBytes, double meanValueBytes, double meanHeaderBytes) {
    int meanRecordBytes() {
      return (int) Math.round(meanKeyBytes + meanValueBytes + meanHeaderBytes);
    }
  }

  private SignedPublisher() {}

  /** The sizes the submissions' records would have, without sending them. */
  static Sizes sizes(Topic<String, Submission> topic, SubmissionKey key, List<Submission> submissions) {
    SubmissionRecords records = new SubmissionRecords(topic, key);
    SizeSum sum = new SizeSum();
    submissions.forEach(s -> sum.add(records.signed(s, SubmissionFingerprint.origin(s), UUID.randomUUID().toString())));
    return sum.sizes();
  }

  /** Adds up the bytes of records as they travel. */
  private static final class SizeSum {
    private long records;
    private long keyBytes;
    private long valueBytes;
    private long headerBytes;

    void add(ProducerRecord<byte[], byte[]> record) {
      records++;
      keyBytes += record.key().length;
      valueBytes += record.value().length;
      for (Header header : record.headers()) {
        headerBytes += header.key().length() + header.value().length;
      }
    }

    Sizes sizes() {
      double n = Math.max(1, records);
      return new Sizes(records, keyBytes / n, valueBytes / n, headerBytes / n);
    }
  }

  static Sizes publish(String bootstrapServers, Topic<String, Submission> topic, SubmissionKey key,
      List<Submission> submissions) {
    SubmissionRecords records = new SubmissionRecords(topic, key);
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-preload");
    SizeSum sum = new SizeSum();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaConnection.plain(bootstrapServers)
        .config(config), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (Submission submission : submissions) {
        ProducerRecord<byte[], byte[]> record = records.signed(submission, SubmissionFingerprint.origin(submission),
            UUID.randomUUID().toString());
        sum.add(record);
        producer.send(record, (metadata, error) -> {
          if (error != null) {
            throw new IllegalStateException("preloading failed: " + error.getMessage(), error);
          }
        });
      }
      producer.flush();
    }
    return sum.sizes();
  }
}
