package dev.koers.cli;

import dev.koers.wire.StreamsService;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The node's Prometheus registry: JVM figures and every Kafka Streams metric of the ledger and the views. */
final class Meters {

  private Meters() {}

  static PrometheusMeterRegistry registry(StreamsService... services) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    for (StreamsService service : services) {
      new KafkaStreamsMetrics(service.streams()).bindTo(registry);
    }
    return registry;
  }
}
