package dev.koers.domain.metrics;

/**
 * Coverage of one perspective in a window.
 *
 * @param share decided decisions that heard it in time / decided decisions; null when none was decided
 * @param meanDepth mean of the highest depth reached (1..4) among those that heard it; null when none did
 */
public record CoverageFigure(Double share, Double meanDepth) {

  static CoverageFigure of(CoverageTotals totals, long decided) {
    return new CoverageFigure(Ratios.of(totals.heard(), decided), Ratios.of(totals.depthSum(), totals.heard()));
  }
}
