package dev.koers.testkit.history;

import java.time.Duration;
import java.time.Instant;

/**
 * The shape of a random history.
 *
 * @param start the log's clock when the history begins
 * @param units how many units decisions are for
 * @param managers how many managers own decisions (most work in one unit)
 * @param respondents how many respondents give feedback
 * @param maxStep how far the log's clock moves on at most between two steps
 * @param aheadWithinSkew how far ahead of the log's clock a few events are dated (ZERO: none); keep it within the
 *     ledger's allowed clock skew
 * @param mistakesPercent how many steps are commands the rules refuse (before the opening, not the owner, ...)
 * @param edgesPercent how many submissions carry values at or beyond the bounds
 * @param bounds the bounds the edge values aim at
 */
public record Shape(Instant start, int units, int managers, int respondents, Duration maxStep,
                    Duration aheadWithinSkew, int mistakesPercent, int edgesPercent, Bounds bounds) {

  /** A realistic log: no mistakes, no edge values, nothing ahead of the clock. */
  public static Shape realistic(Instant start, int units, int managers) {
    return new Shape(start, units, managers, 90, Duration.ofHours(5), Duration.ZERO, 0, 0, Bounds.DOCUMENTED);
  }

  public Shape withRespondents(int respondents) {
    return new Shape(start, units, managers, respondents, maxStep, aheadWithinSkew, mistakesPercent, edgesPercent,
        bounds);
  }

  public Shape withAheadWithinSkew(Duration ahead) {
    return new Shape(start, units, managers, respondents, maxStep, ahead, mistakesPercent, edgesPercent, bounds);
  }

  public Shape withMistakes(int percent) {
    return new Shape(start, units, managers, respondents, maxStep, aheadWithinSkew, percent, edgesPercent, bounds);
  }

  public Shape withEdges(int percent) {
    return new Shape(start, units, managers, respondents, maxStep, aheadWithinSkew, mistakesPercent, percent, bounds);
  }
}
