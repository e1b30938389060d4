package dev.koers.domain.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Every mean and share in one place: an exact quotient of integer sums, rounded once, half up, to
 * {@value #DECIMALS} decimals. Integer sums do not depend on the order of updates and BigDecimal division is
 * exact before rounding, so live views and a replay agree to the last digit.
 */
final class Ratios {

  static final int DECIMALS = 4;

  private Ratios() {}

  /** @return numerator / denominator, or null when the denominator is 0 (nothing to divide by) */
  static Double of(long numerator, long denominator) {
    if (denominator == 0) {
      return null;
    }
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), DECIMALS, RoundingMode.HALF_UP)
        .doubleValue();
  }

  /**
   * a/b - c/d as one exact fraction rounded once (not the difference of two rounded means); null when either
   * mean is missing.
   */
  static Double difference(long a, long b, long c, long d) {
    if (b == 0 || d == 0) {
      return null;
    }
    BigDecimal numerator = BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(d))
        .subtract(BigDecimal.valueOf(c).multiply(BigDecimal.valueOf(b)));
    return numerator.divide(BigDecimal.valueOf(b).multiply(BigDecimal.valueOf(d)), DECIMALS, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
