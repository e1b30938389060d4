package dev.koers.views;

import dev.koers.documents.ViewRecords;
import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.metrics.MetricsDocument;
import dev.koers.domain.metrics.SplitAggregates;
import dev.koers.schema.view.MetricsView;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds each net change to its aggregate (unit or manager, all time or one ISO week) and publishes the new
 * document; an aggregate that falls back to zero is deleted, as a replay would never have made it. The
 * aggregate's respondents are entries of their own ({@link SplitAggregates}), so it does not grow with them.
 */
final class MetricsAggregator implements Processor<String, MetricsAggregate, String, MetricsView> {

  /** Enough for every unit's and manager's all-time and current-week aggregates of a large organisation. */
  static final int RECENT_AGGREGATES = 2_000;

  private final Anonymity anonymity;
  private final RecentValues<MetricsAggregate> recent = new RecentValues<>(RECENT_AGGREGATES);
  private ProcessorContext<String, MetricsView> context;
  private KeyValueStore<String, MetricsAggregate> aggregates;
  private KeyValueStore<String, Long> respondents;

  MetricsAggregator(Anonymity anonymity) {
    this.anonymity = anonymity;
  }

  @Override
  public void init(ProcessorContext<String, MetricsView> context) {
    this.context = context;
    this.aggregates = context.getStateStore(ViewsTopology.METRICS_STORE);
    this.respondents = context.getStateStore(ViewsTopology.METRICS_RESPONDENTS_STORE);
    recent.clear(); // A re-initialised task may have had its store restored: read it afresh.
  }

  @Override
  public void process(Record<String, MetricsAggregate> record) {
    MetricsAggregate before = recent.get(record.key(), aggregates::get);
    MetricsAggregate after = SplitAggregates.plus(before == null ? MetricsAggregate.ZERO : before, record.value(),
        new StoredRespondents(respondents, record.key()));
    if (after.zero()) {
      aggregates.delete(record.key());
      recent.remove(record.key());
      context.forward(record.withValue(null));
      return;
    }
    aggregates.put(record.key(), after);
    recent.put(record.key(), after);
    AggregateKey key = AggregateKey.parse(record.key());
    context.forward(record.withValue(ViewRecords.metrics(MetricsDocument.of(key, after, anonymity), key)));
  }
}
