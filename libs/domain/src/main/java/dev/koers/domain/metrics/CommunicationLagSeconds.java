package dev.koers.domain.metrics;

/** The median communication lag of a window, in whole seconds; null when nothing was first communicated in it. */
public record CommunicationLagSeconds(Long p50) {

  static CommunicationLagSeconds of(ValueHistogram histogram) {
    return new CommunicationLagSeconds(histogram.percentile(50));
  }
}
