package dev.koers.views;

import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.metrics.ScopeKind;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Answers metric queries from THIS instance's aggregate store (the owner of the scope: {@link StoreOwners}). */
public final class MetricsLookup {

  private final KafkaStreams streams;

  public MetricsLookup(KafkaStreams streams) {
    this.streams = streams;
  }

  public Optional<MetricsAggregate> aggregate(AggregateKey key) {
    return Optional.ofNullable(store().get(key.asString()));
  }

  /** Every ISO week of one unit or manager that has figures, oldest first. */
  public SortedMap<String, MetricsAggregate> weeks(ScopeKind scope, String id) {
    SortedMap<String, MetricsAggregate> weeks = new TreeMap<>();
    String prefix = AggregateKey.allTime(scope, id).asString();
    prefix = prefix.substring(0, prefix.lastIndexOf(':') + 1);
    try (KeyValueIterator<String, MetricsAggregate> all = store().prefixScan(prefix, Serdes.String().serializer())) {
      while (all.hasNext()) {
        KeyValue<String, MetricsAggregate> entry = all.next();
        AggregateKey key = AggregateKey.parse(entry.key);
        // An id may itself contain ':', so a prefix can match another scope: compare the parsed id.
        if (key.scope() == scope && key.id().equals(id) && !key.coversAllTime()) {
          weeks.put(key.window(), entry.value);
        }
      }
    }
    return weeks;
  }

  private ReadOnlyKeyValueStore<String, MetricsAggregate> store() {
    try {
      return streams.store(StoreQueryParameters.fromNameAndType(ViewsTopology.METRICS_STORE,
          QueryableStoreTypes.<String, MetricsAggregate>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new ViewUnavailable("the metrics view is not queryable right now (" + streams.state() + ")", e);
    }
  }
}
