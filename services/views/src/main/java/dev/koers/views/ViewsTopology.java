package dev.koers.views;

import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.FeedbackFact;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.metrics.SplitFacts;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import dev.koers.wire.StateSerde;
import dev.koers.wire.KoersTopics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The views' topology: the decision log in; per-decision stores, aggregates per unit and manager, and the
 * compacted view topics out. Every store, processor and internal topic is named on purpose.
 */
public final class ViewsTopology {

  public static final String EVENTS_SOURCE = "events-source";
  public static final String DECISION_PROCESSOR = "views-decision-processor";
  public static final String DECISIONS_STORE = "views-decisions";
  /** Each decision's metric facts without the feedback, and the feedback's tally ({@code SplitFacts}). */
  public static final String FACTS_STORE = "views-facts";
  /** Each respondent's current feedback on a decision, keyed {@code decisionId/respondentId}. */
  public static final String FEEDBACK_STORE = "views-feedback";
  /** Each event of a decision, keyed {@code decisionId/sequence}: the timeline, read by a prefix scan. */
  public static final String TIMELINES_STORE = "views-timelines";
  public static final String CONTRIBUTIONS = "views-contributions";
  public static final String METRICS_PROCESSOR = "views-metrics-aggregator";
  public static final String METRICS_STORE = "views-metrics";
  /** Each respondent's count in each score group of an aggregate: the aggregate keeps only their number. */
  public static final String METRICS_RESPONDENTS_STORE = "views-metrics-respondents";
  public static final String SPLIT = "views-split-";

  private ViewsTopology() {}

  public static Topology build(KoersTopics topics, Anonymity anonymity) {
    StreamsBuilder builder = new StreamsBuilder();
    // Stores written again and again (a decision's view and facts, an aggregate) are cached: a key changed many
    // times within one commit interval reaches RocksDB and its changelog once. The timelines are written once.
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECISIONS_STORE),
        Serdes.String(), StateSerde.of(DecisionView.class)).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FACTS_STORE),
        Serdes.String(), StateSerde.of(SplitFacts.class)).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FEEDBACK_STORE),
        Serdes.String(), StateSerde.of(FeedbackFact.class)).withCachingEnabled());
    // The same bytes as the event's record on the log, which the broker already took: no entry is larger.
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMELINES_STORE),
        Serdes.String(), topics.events().valueSerde()));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(METRICS_STORE),
        Serdes.String(), StateSerde.of(MetricsAggregate.class)).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(METRICS_RESPONDENTS_STORE),
        Serdes.String(), Serdes.Long()).withCachingEnabled());
    QuarantineStores.addTo(builder);

    // The log is keyed by decision id already, so the per-decision stores need no repartition. It is read as
    // bytes: the quarantine guard decodes each record, so an unreadable one costs its decision, not the views.
    KStream<String, ViewChange> changes = builder.stream(topics.events().name(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(EVENTS_SOURCE))
        .process(() -> new QuarantineGuard(topics, new DecisionProcessor(anonymity)), Named.as(DECISION_PROCESSOR),
            DECISIONS_STORE, FACTS_STORE, FEEDBACK_STORE, TIMELINES_STORE, QuarantineStores.ENTRIES,
            QuarantineStores.HELD);

    changes.split(Named.as(SPLIT))
        .branch((key, change) -> change instanceof ViewChange.DecisionChanged, Branched.withConsumer(
            decisions -> decisions
                .mapValues(change -> ((ViewChange.DecisionChanged) change).summary(), Named.as("views-summaries"))
                .to(topics.viewDecisions().name(), Produced.<String, DecisionSummary>with(Serdes.String(),
                    topics.viewDecisions().valueSerde()).withName("views-decisions-sink")), "decisions"))
        .branch((key, change) -> change instanceof ViewChange.MetricsChanged, Branched.withConsumer(
            metrics -> metrics
                .mapValues(change -> ((ViewChange.MetricsChanged) change).contribution().delta(),
                    Named.as("views-deltas"))
                // One partition per unit or manager: all its weeks live, and are queried, on one instance.
                .repartition(Repartitioned.<String, MetricsAggregate>as(CONTRIBUTIONS)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(StateSerde.of(MetricsAggregate.class))
                    .withStreamPartitioner(new ScopePartitioner<>()))
                .process(() -> new MetricsAggregator(anonymity), Named.as(METRICS_PROCESSOR), METRICS_STORE,
                    METRICS_RESPONDENTS_STORE)
                .to(topics.viewMetrics().name(), Produced.<String, MetricsView>with(Serdes.String(),
                    topics.viewMetrics().valueSerde()).withName("views-metrics-sink")), "metrics"))
        .branch((key, change) -> change instanceof ViewChange.DeadLettered, Branched.withConsumer(
            letters -> letters
                .map((key, change) -> KeyValue.pair(((ViewChange.DeadLettered) change).key(),
                    ((ViewChange.DeadLettered) change).value()), Named.as("views-dead-letters"))
                .to(topics.deadLetter().name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                    .withName("views-deadletter-sink")), "deadletters"));
    return builder.build();
  }
}
