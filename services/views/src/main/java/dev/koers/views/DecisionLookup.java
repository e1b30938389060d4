package dev.koers.views;

import dev.koers.documents.ViewRecords;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.metrics.SplitFacts;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.DecisionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers decision queries from THIS instance's state stores. While a store is restoring or rebalancing it
 * says so ({@link ViewUnavailable}) instead of waiting. Which instance owns a key is {@link StoreOwners}' job.
 */
public final class DecisionLookup {

  private final KafkaStreams streams;
  private final Anonymity anonymity;

  public DecisionLookup(KafkaStreams streams, Anonymity anonymity) {
    this.streams = streams;
    this.anonymity = anonymity;
  }

  /** The decision's state with its per-decision metrics, as the view topic carries it. */
  public Optional<DecisionSummary> decision(String decisionId) {
    return Optional.ofNullable(this.<DecisionView>store(ViewsTopology.DECISIONS_STORE).get(decisionId))
        .map(this::summary);
  }

  /** The decision's events in log order, one timeline entry each; empty for a decision that does not exist. */
  public Optional<List<DecisionEvent>> history(String decisionId) {
    ReadOnlyKeyValueStore<String, DecisionEvent> store = store(ViewsTopology.TIMELINES_STORE);
    List<DecisionEvent> events = new ArrayList<>();
    try (KeyValueIterator<String, DecisionEvent> entries =
             store.prefixScan(EntryKeys.prefix(decisionId), Serdes.String().serializer())) {
      while (entries.hasNext()) {
        DecisionEvent event = entries.next().value;
        if (event != null && decisionId.equals(event.getDecisionId())) {
          events.add(event);
        }
      }
    }
    return events.isEmpty() ? Optional.empty() : Optional.of(events);
  }

  /** Up to {@code limit} local decisions after {@code afterId}, in id order, that pass the filter. */
  public List<DecisionSummary> page(Predicate<DecisionView> filter, String afterId, int limit) {
    ReadOnlyKeyValueStore<String, DecisionView> store = store(ViewsTopology.DECISIONS_STORE);
    List<DecisionSummary> page = new ArrayList<>();
    // Keys are UTF-8 strings in a byte-ordered store, so the range is in id order.
    try (KeyValueIterator<String, DecisionView> all = afterId == null ? store.all() : store.range(afterId, null)) {
      while (all.hasNext() && page.size() < limit) {
        DecisionView view = all.next().value;
        if (view != null && !view.decisionId().equals(afterId) && filter.test(view)) {
          page.add(summary(view));
        }
      }
    }
    return page;
  }

  private DecisionSummary summary(DecisionView view) {
    SplitFacts facts = this.<SplitFacts>store(ViewsTopology.FACTS_STORE).get(view.decisionId());
    return ViewRecords.decision(view, DecisionMetrics.of(facts, anonymity));
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    try {
      return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new ViewUnavailable("the view " + name + " is not queryable right now (" + streams.state() + ")", e);
    }
  }
}
