package dev.koers.views;

import dev.koers.domain.view.DecisionView;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers decision queries from this instance's state store. While the store is restoring or rebalancing it
 * says so ({@link ViewUnavailable}) instead of waiting. Forwarding to the owning instance comes with the
 * multi-instance views.
 */
public final class DecisionLookup {

  private final KafkaStreams streams;

  public DecisionLookup(KafkaStreams streams) {
    this.streams = streams;
  }

  public Optional<DecisionView> decision(String decisionId) {
    try {
      ReadOnlyKeyValueStore<String, DecisionView> store = streams.store(StoreQueryParameters.fromNameAndType(
          ViewsTopology.DECISIONS_STORE, QueryableStoreTypes.<String, DecisionView>keyValueStore()));
      return Optional.ofNullable(store.get(decisionId));
    } catch (InvalidStateStoreException e) {
      throw new ViewUnavailable("the decisions view is not ready (" + streams.state() + ")", e);
    }
  }
}
