package dev.koers.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Which decisions THIS instance has set aside ({@link QuarantineStores#ENTRIES}); run it inside a {@link LiveQuery}. */
public final class QuarantineLookup {

  private final KafkaStreams streams;

  public QuarantineLookup(KafkaStreams streams) {
    this.streams = streams;
  }

  public Optional<QuarantineEntry> entry(String decisionId) {
    return Optional.ofNullable(store().get(decisionId));
  }

  /** In decision id order. */
  public List<QuarantineEntry> all() {
    List<QuarantineEntry> entries = new ArrayList<>();
    try (KeyValueIterator<String, QuarantineEntry> all = store().all()) {
      all.forEachRemaining(kv -> entries.add(kv.value));
    }
    return entries;
  }

  private ReadOnlyKeyValueStore<String, QuarantineEntry> store() {
    return streams.store(StoreQueryParameters.fromNameAndType(QuarantineStores.ENTRIES,
        QueryableStoreTypes.<String, QuarantineEntry>keyValueStore()));
  }
}
