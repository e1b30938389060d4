package dev.koers.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.Counts;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.metrics.ScopeKind;
import dev.koers.schema.view.MetricsView;
import dev.koers.wire.StateSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aggregator keeps its recent aggregates as objects, and never trusts them past a re-initialisation. */
class MetricsAggregatorTest {

  private static final String KEY = AggregateKey.allTime(ScopeKind.UNIT, "unit-1").asString();

  private final MockProcessorContext<String, MetricsView> context = new MockProcessorContext<>();
  private final MetricsAggregator aggregator = new MetricsAggregator(Anonymity.DEFAULT);
  private KeyValueStore<String, MetricsAggregate> aggregates;

  @BeforeEach
  void stores() {
    aggregates = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ViewsTopology.METRICS_STORE),
        Serdes.String(), StateSerde.of(MetricsAggregate.class)).withLoggingDisabled().build();
    KeyValueStore<String, Long> respondents = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(ViewsTopology.METRICS_RESPONDENTS_STORE), Serdes.String(), Serdes.Long())
        .withLoggingDisabled().build();
    aggregates.init(context.getStateStoreContext(), aggregates);
    respondents.init(context.getStateStoreContext(), respondents);
    context.addStateStore(aggregates);
    context.addStateStore(respondents);
    aggregator.init(context);
  }

  private static MetricsAggregate opened(long count) {
    return new MetricsAggregate(new Counts(count, 0, 0, 0, 0), null, null, null, null);
  }

  private void add(MetricsAggregate delta) {
    aggregator.process(new Record<>(KEY, delta, 0L));
  }

  @Test
  void addsEachChangeToWhatItWroteLast() {
    add(opened(2));
    add(opened(3));

    assertThat(aggregates.get(KEY).counts().opened()).isEqualTo(5);
    assertThat(context.forwarded()).hasSize(2);
  }

  @Test
  void readsTheStoreAfreshWhenReinitialisedAsAfterAnAbortedTransaction() {
    add(opened(2));
    aggregates.put(KEY, opened(10)); // the store as a restore after an abort could leave it

    aggregator.init(context);
    add(opened(1));

    assertThat(aggregates.get(KEY).counts().opened()).isEqualTo(11);
  }

  @Test
  void servesItsOwnLastWriteUntilThenWithoutReadingTheStore() {
    add(opened(2));
    aggregates.put(KEY, opened(10)); // nothing but this processor writes the store while it runs

    add(opened(1));

    assertThat(aggregates.get(KEY).counts().opened()).isEqualTo(3);
  }

  @Test
  void forgetsAnAggregateThatFellBackToZero() {
    add(opened(2));
    add(opened(-2));
    aggregates.put(KEY, opened(7));

    add(opened(1));

    assertThat(aggregates.get(KEY).counts().opened()).isEqualTo(8);
  }
}
