package dev.koers.domain.metrics;

import dev.koers.schema.Depth;

/**
 * How many decided decisions heard one perspective, and the sum of the highest depth each reached
 * ({@code INFORMED}=1 .. {@code CO_DECIDED}=4).
 */
public record CoverageTotals(long heard, long depthSum) {

  public static final CoverageTotals ZERO = new CoverageTotals(0, 0);

  /** One decision that heard the perspective, at this highest depth: {@code INFORMED}=1 .. {@code CO_DECIDED}=4. */
  static CoverageTotals of(Depth highest) {
    return new CoverageTotals(1, highest.ordinal() + 1L);
  }

  public CoverageTotals plus(CoverageTotals other) {
    return combine(other, 1);
  }

  public CoverageTotals minus(CoverageTotals other) {
    return combine(other, -1);
  }

  CoverageTotals combine(CoverageTotals other, int sign) {
    return new CoverageTotals(heard + sign * other.heard, depthSum + sign * other.depthSum);
  }
}
