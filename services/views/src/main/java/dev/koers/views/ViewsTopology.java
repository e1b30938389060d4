package dev.koers.views;

import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.internal.DecisionHistory;
import dev.koers.wire.AvroSerde;
import dev.koers.wire.JsonSerde;
import dev.koers.wire.KoersTopics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/** The views' topology: the decision log in, queryable state out. Every name is fixed on purpose. */
public final class ViewsTopology {

  public static final String EVENTS_SOURCE = "events-source";
  public static final String DECISIONS_STORE = "views-decisions";
  public static final String DECISIONS_AGGREGATE = "views-decisions-aggregate";
  public static final String HISTORIES_STORE = "views-histories";
  public static final String HISTORIES_AGGREGATE = "views-histories-aggregate";

  private ViewsTopology() {}

  public static Topology build(KoersTopics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    DecisionProjector projector = new DecisionProjector();
    KGroupedStream<String, DecisionEvent> byDecision = builder.stream(topics.events().name(),
            Consumed.with(topics.events().keySerde(), topics.events().valueSerde()).withName(EVENTS_SOURCE))
        // The log is keyed by decision id already: grouping by key needs no repartition.
        .groupByKey(Grouped.with(topics.events().keySerde(), topics.events().valueSerde()));

    byDecision.aggregate(() -> null,
        (decisionId, event, view) -> projector.apply(view, event),
        Named.as(DECISIONS_AGGREGATE),
        Materialized.<String, DecisionView, KeyValueStore<Bytes, byte[]>>as(DECISIONS_STORE)
            .withKeySerde(topics.events().keySerde())
            .withValueSerde(JsonSerde.of(DecisionView.class)));

    // The whole history per decision answers timeline and as-of queries without reading the log again.
    byDecision.aggregate(() -> null,
        (decisionId, event, history) -> appended(decisionId, history, event),
        Named.as(HISTORIES_AGGREGATE),
        Materialized.<String, DecisionHistory, KeyValueStore<Bytes, byte[]>>as(HISTORIES_STORE)
            .withKeySerde(topics.events().keySerde())
            .withValueSerde(AvroSerde.of(DecisionHistory.class)));
    return builder.build();
  }

  private static DecisionHistory appended(String decisionId, DecisionHistory history, DecisionEvent event) {
    List<DecisionEvent> events = new ArrayList<>(history == null ? List.of() : history.getEvents());
    events.add(event);
    return new DecisionHistory(decisionId, events);
  }
}
