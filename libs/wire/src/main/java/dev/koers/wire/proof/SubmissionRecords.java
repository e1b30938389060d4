package dev.koers.wire.proof;

import dev.koers.schema.Submission;
import dev.koers.wire.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns a submission into the record a holder of the submission key sends: key and value as the topic's serdes
 * write them, and the signed headers over exactly those bytes. The one place that does it, for the Java client
 * and for tests that publish submissions.
 */
public final class SubmissionRecords {

  private final Topic<String, Submission> topic;
  private final SubmissionKey key;

  public SubmissionRecords(Topic<String, Submission> topic, SubmissionKey key) {
    this.topic = topic;
    this.key = key;
  }

  public ProducerRecord<byte[], byte[]> signed(Submission submission, Origin origin, String replyId) {
    byte[] recordKey = topic.keySerde().serializer().serialize(topic.name(), submission.getDecisionId());
    byte[] value = topic.valueSerde().serializer().serialize(topic.name(), submission);
    return new ProducerRecord<>(topic.name(), null, recordKey, value,
        SubmissionHeaders.signed(key, recordKey, value, origin, replyId));
  }
}
