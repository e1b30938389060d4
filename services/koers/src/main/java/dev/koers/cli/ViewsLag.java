package dev.koers.cli;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code koers.views.lag}: how many events of the log this instance's views have not folded yet, summed over
 * the partitions it reads (the consumer's own {@code records-lag}); 0 when it owns none.
 */
final class ViewsLag implements MeterBinder {

  private final KafkaStreams views;
  private final String eventsTopic;

  ViewsLag(KafkaStreams views, String eventsTopic) {
    this.views = views;
    this.eventsTopic = eventsTopic;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("koers.views.lag", this, ViewsLag::records).baseUnit("records")
        .strongReference(true) // nothing else holds this binder: a weak reference would read NaN after a GC
        .description("Events on the log this instance's views have not folded yet").register(registry);
  }

  double records() {
    double lag = 0;
    for (Metric metric : views.metrics().values()) {
      if (metric.metricName().name().equals("records-lag")
          && metric.metricName().group().equals("consumer-fetch-manager-metrics")
          && eventsTopic.equals(metric.metricName().tags().get("topic"))
          && metric.metricValue() instanceof Double value && !value.isNaN()) {
        lag += value;
      }
    }
    return lag;
  }
}
