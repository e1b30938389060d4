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

  static Sizes publish(String bootstrapServers, Topic<String, Submission> topic, SubmissionKey key,
      List<Submission> submissions) {
    SubmissionRecords records = new SubmissionRecords(topic, key);
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-preload");
    long keyBytes = 0;
    long valueBytes = 0;
    long headerBytes = 0;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaConnection.plain(bootstrapServers)
        .config(config), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (Submission submission : submissions) {
        ProducerRecord<byte[], byte[]> record = records.signed(submission, SubmissionFingerprint.origin(submission),
            UUID.randomUUID().toString());
        keyBytes += record.key().length;
        valueBytes += record.value().length;
        for (Header header : record.headers()) {
          headerBytes += header.key().length() + header.value().length;
        }
        producer.send(record, (metadata, error) -> {
          if (error != null) {
            throw new IllegalStateException("preloading failed: " + error.getMessage(), error);
          }
        });
      }
      producer.flush();
    }
    double n = submissions.size();
    return new Sizes(submissions.size(), keyBytes / n, valueBytes / n, headerBytes / n);
  }
}
