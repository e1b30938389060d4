package dev.koers.domain.metrics;

/** Lead-time percentiles of a window, in whole seconds; null when nothing was decided in it. */
public record LeadTimeSeconds(Long p50, Long p90) {

  static LeadTimeSeconds of(ValueHistogram histogram) {
    return new LeadTimeSeconds(histogram.percentile(50), histogram.percentile(90));
  }
}
