package dev.koers.wire;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import java.util.List;
import org.apache.avro.message.SchemaStore;
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
  public static final String VIEW_DECISIONS = "koers.view.decisions";
  public static final String VIEW_METRICS = "koers.view.metrics";

  private final Topic<String, Submission> submissions;
  private final Topic<String, DecisionEvent> events;
  private final Topic<String, Outcome> outcomes;
  private final Topic<byte[], byte[]> deadLetter;
  private final Topic<String, DecisionSummary> viewDecisions;
  private final Topic<String, MetricsView> viewMetrics;

  public KoersTopics(String prefix, int partitions) {
    // The log is the source of truth for auditors: never deleted, never compacted.
    Map<String, String> forever = Map.of(
        TopicConfig.RETENTION_MS_CONFIG, "-1",
        TopicConfig.RETENTION_BYTES_CONFIG, "-1",
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    Map<String, String> week = Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000));
    // Read and parse the released schemas once, for every serde of the catalogue.
    SchemaStore history = SchemaHistory.released();
    this.submissions = new Topic<>(prefix + SUBMISSIONS, Serdes.String(), AvroSerde.of(Submission.class, history),
        partitions, week);
    this.events = new Topic<>(prefix + EVENTS, Serdes.String(), AvroSerde.of(DecisionEvent.class, history),
        partitions, forever);
    this.outcomes = new Topic<>(prefix + OUTCOMES, Serdes.String(), AvroSerde.of(Outcome.class, history),
        partitions, week);
    this.deadLetter = new Topic<>(prefix + DEAD_LETTER, Serdes.ByteArray(), Serdes.ByteArray(), 1, forever);
    // Views keep the latest record per key for dashboards and analytics; the log keeps the history.
    Map<String, String> latest = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    this.viewDecisions = new Topic<>(prefix + VIEW_DECISIONS, Serdes.String(), AvroSerde.of(DecisionSummary.class, history),
        partitions, latest);
    this.viewMetrics = new Topic<>(prefix + VIEW_METRICS, Serdes.String(), AvroSerde.of(MetricsView.class, history),
        partitions, latest);
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

  public Topic<String, DecisionSummary> viewDecisions() {
    return viewDecisions;
  }

  public Topic<String, MetricsView> viewMetrics() {
    return viewMetrics;
  }

  public List<Topic<?, ?>> all() {
    return List.of(submissions, events, outcomes, deadLetter, viewDecisions, viewMetrics);
  }
}
