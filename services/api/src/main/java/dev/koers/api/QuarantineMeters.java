package dev.koers.api;

import dev.koers.views.QuarantineEntry;
import dev.koers.views.ViewUnavailable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The quarantine on /metrics, read from this instance's quarantine store at each scrape, so the figures survive a
 * restart: how many decisions are set aside, and how many of their later events were held back, not folded.
 */
final class QuarantineMeters implements MeterBinder {

  static final String DECISIONS = "koers.views.quarantined.decisions";
  static final String HELD_EVENTS = "koers.views.quarantine.held.events";

  private final ViewAccess views;

  QuarantineMeters(ViewAccess views) {
    this.views = views;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(DECISIONS, this, measure(List::size))
        .description("Decisions this views instance has set aside because an event could not be folded")
        .strongReference(true) // Nothing else holds this binder; a gauge's weak reference would lose it.
        .register(registry);
    Gauge.builder(HELD_EVENTS, this, measure(entries -> entries.stream().mapToLong(QuarantineEntry::heldEvents).sum()))
        .description("Events of quarantined decisions held back instead of folded")
        .strongReference(true)
        .register(registry);
  }

  /** NaN while the views cannot say (restoring, stopped): Prometheus shows a gap rather than a false zero. */
  private static ToDoubleFunction<QuarantineMeters> measure(ToDoubleFunction<List<QuarantineEntry>> figure) {
    return meters -> {
      try {
        return figure.applyAsDouble(meters.views.quarantined());
      } catch (ViewUnavailable e) {
        return Double.NaN;
      }
    };
  }
}
