package dev.koers.wire;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of Koers topics (docs/topics.md). A prefix lets tests, and several Koers installations on one
 * cluster, keep their topics apart. Keys are decision ids as UTF-8 strings, so one decision stays in order.
 */
public final class KoersTopics {

  public static final String SUBMISSIONS = "koers.decision.submissions";
  public static final String EVENTS = "koers.decision.events";
  public static final String OUTCOMES = "koers.decision.outcomes";
  public static final String DEAD_LETTER = "koers.deadletter";

  private final Topic<String, Submission> submissions;
  private final Topic<String, DecisionEvent> events;
  private final Topic<String, Outcome> outcomes;
  private final Topic<byte[], byte[]> deadLetter;

  public KoersTopics(String prefix, int partitions) {
    // The log is the source of truth for auditors: never deleted, never compacted.
    Map<String, String> forever = Map.of(
        TopicConfig.RETENTION_MS_CONFIG, "-1",
        TopicConfig.RETENTION_BYTES_CONFIG, "-1",
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    Map<String, String> week = Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000));
    this.submissions = new Topic<>(prefix + SUBMISSIONS, Serdes.String(), AvroSerde.of(Submission.class),
        partitions, week);
    this.events = new Topic<>(prefix + EVENTS, Serdes.String(), AvroSerde.of(DecisionEvent.class),
        partitions, forever);
    this.outcomes = new Topic<>(prefix + OUTCOMES, Serdes.String(), AvroSerde.of(Outcome.class),
        partitions, week);
    this.deadLetter = new Topic<>(prefix + DEAD_LETTER, Serdes.ByteArray(), Serdes.ByteArray(), 1, forever);
  }

  public static KoersTopics defaults() {
    return new KoersTopics("", 3);
  }

  public Topic<String, Submission> submissions() {
    return submissions;
  }

  public Topic<String, DecisionEvent> events() {
    return events;
  }

  public Topic<String, Outcome> outcomes() {
    return outcomes;
  }

  public Topic<byte[], byte[]> deadLetter() {
    return deadLetter;
  }

  public List<Topic<?, ?>> all() {
    return List.of(submissions, events, outcomes, deadLetter);
  }
}
