package dev.koers.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Nearest-rank percentiles: the smallest value with at least p% of the values at or below it, exact below
 * 2048 and within 0.1% above.
 */
class PercentileTest {

  @Test
  void nearest_rank_on_small_exact_examples() {
    ValueHistogram oneToFour = histogram(List.of(1L, 2L, 3L, 4L));
    ValueHistogram oneToTen = histogram(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));

    // [1,2,3,4]: p50 rank ceil(0.5 * 4) = 2 -> 2; 1..10: p90 rank ceil(0.9 * 10) = 9 -> 9
    assertThat(List.of(oneToFour.percentile(50), oneToTen.percentile(90), oneToTen.percentile(50),
        oneToTen.percentile(100), oneToTen.percentile(1), histogram(List.of(7L)).percentile(90),
        histogram(List.of(5L, 5L, 5L, 9L)).percentile(50)))
        .containsExactly(2L, 9L, 5L, 10L, 1L, 7L, 5L);
    assertThat(ValueHistogram.EMPTY.percentile(50)).isNull();
  }

  @Test
  void large_values_are_within_a_tenth_of_a_percent_and_never_above() {
    Random random = new Random(48);
    for (int round = 0; round < 200; round++) {
      List<Long> values = new ArrayList<>();
      int n = 1 + random.nextInt(300);
      long scale = 1L << (11 + random.nextInt(40));
      for (int i = 0; i < n; i++) {
        values.add((long) (random.nextDouble() * scale));
      }
      ValueHistogram histogram = histogram(values);
      Collections.sort(values);
      for (int percent : new int[] {1, 50, 90, 99, 100}) {
        long exact = values.get((int) Math.ceil(percent / 100.0 * n) - 1);
        long reported = histogram.percentile(percent);
        assertThat(reported).isLessThanOrEqualTo(exact);
        assertThat((double) (exact - reported)).as("p%d of %s", percent, values)
            .isLessThanOrEqualTo(exact * 0.001);
      }
    }
  }

  @Test
  void buckets_are_monotone_and_their_lower_bound_is_within_1_in_1024() {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      long a = random.nextLong() >>> (2 + random.nextInt(61));
      long b = a + random.nextInt(5000);
      assertThat(ValueHistogram.bucket(a)).isLessThanOrEqualTo(ValueHistogram.bucket(b));
      assertThat(a - ValueHistogram.bucket(a)).isLessThanOrEqualTo(a / 1024);
    }
    assertThat(ValueHistogram.bucket(2047)).isEqualTo(2047);
    assertThat(ValueHistogram.bucket(2049)).isEqualTo(2048);
    assertThat(ValueHistogram.bucket(-2049)).isEqualTo(-2048);
  }

  @Test
  void subtracting_values_leaves_exactly_the_histogram_of_the_others() {
    Random random = new Random(11);
    List<Long> kept = new ArrayList<>();
    List<Long> removed = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      (random.nextBoolean() ? kept : removed).add((long) random.nextInt(10_000_000));
    }
    List<Long> all = new ArrayList<>(kept);
    all.addAll(removed);

    assertThat(histogram(all).minus(histogram(removed))).isEqualTo(histogram(kept));
    assertThat(histogram(all).minus(histogram(all))).isEqualTo(ValueHistogram.EMPTY);
  }

  private static ValueHistogram histogram(List<Long> values) {
    ValueHistogram histogram = ValueHistogram.EMPTY;
    for (long value : values) {
      histogram = histogram.plus(ValueHistogram.of(value));
    }
    return histogram;
  }
}
