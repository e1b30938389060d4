package dev.koers.domain.metrics;

import java.util.Map;

/**
 * Durations in whole seconds, counted in buckets narrow enough for percentiles within 0.1% relative error,
 * and exactly subtractable (a count per bucket). The same layout as an HdrHistogram with 3 significant
 * digits: values below 2048 have a bucket each; above, a bucket spans 2^k values starting at a multiple of
 * 2^k that is at least 1024 * 2^k, so a bucket's lower bound is within 1/1024 (0.098%) of every value in it.
 * Sparse, so that a state store keeps only buckets in use, and plain JSON.
 *
 * @param counts bucket (its lower bound, which is also the value reported) to count; never a zero count
 */
public record ValueHistogram(Map<Long, Long> counts) {

  public static final ValueHistogram EMPTY = new ValueHistogram(Map.of());

  private static final long EXACT_BELOW = 2048;
  private static final int SUB_BUCKET_BITS = 10;

  public ValueHistogram {
    counts = SortedCounts.of(counts);
  }

  public static ValueHistogram of(long value) {
    return new ValueHistogram(SortedCounts.one(bucket(value)));
  }

  /**
   * The bucket of a value: its lower bound, which is the value itself below 2048. Negative values (which a
   * valid log never gives) mirror the positive ones, so the mapping stays monotone.
   */
  public static long bucket(long value) {
    if (value < 0) {
      return -bucket(value == Long.MIN_VALUE ? Long.MAX_VALUE : -value);
    }
    if (value < EXACT_BELOW) {
      return value;
    }
    int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BUCKET_BITS;
    return (value >>> shift) << shift;
  }

  public ValueHistogram plus(ValueHistogram other) {
    return combine(other, 1);
  }

  public ValueHistogram minus(ValueHistogram other) {
    return combine(other, -1);
  }

  ValueHistogram combine(ValueHistogram other, int sign) {
    if (other.counts.isEmpty()) {
      return this;
    }
    if (sign > 0 && counts.isEmpty()) {
      return other;
    }
    return new ValueHistogram(SortedCounts.combine(sorted(), other.sorted(), sign));
  }

  /** The counts as the canonical constructor keeps them. */
  @SuppressWarnings("unchecked")
  SortedCounts<Long> sorted() {
    return (SortedCounts<Long>) counts;
  }

  /** How many values were counted. */
  public long total() {
    SortedCounts<Long> sorted = sorted();
    long total = 0;
    for (int i = 0; i < sorted.size(); i++) {
      total += sorted.countAt(i);
    }
    return total;
  }

  /**
   * The nearest-rank percentile: the smallest value with at least {@code percent}% of the values at or below
   * it, i.e. the value of rank ceil(percent/100 * n) in ascending order; null when there are no values.
   */
  public Long percentile(int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("a percentile is 1..100, not " + percent);
    }
    long n = total();
    if (n <= 0) {
      return null;
    }
    long rank = Math.max(1, (percent * n + 99) / 100);
    SortedCounts<Long> sorted = sorted();
    long seen = 0;
    for (int i = 0; i < sorted.size(); i++) {
      seen += sorted.countAt(i);
      if (seen >= rank) {
        return sorted.keyAt(i);
      }
    }
    return sorted.keyAt(sorted.size() - 1);
  }
}
