package dev.koers.domain.metrics;

/**
 * Value consensus of one decision: current feedback from at least two perspectives, and each of those
 * perspectives with a mean added value of at least 4. A perspective whose feedback rates no added value has
 * no mean, so it cannot reach 4: every party must see the added value.
 */
final class ValueConsensus {

  static final int MIN_PERSPECTIVES = 2;
  static final int MIN_MEAN_ADDED_VALUE = 4;

  private ValueConsensus() {}

  /** Feedback from two or more perspectives: the population of the value-consensus share. */
  static boolean eligible(DecisionFeedback decisionFeedback) {
    return perspectivesWithFeedback(decisionFeedback) >= MIN_PERSPECTIVES;
  }

  static boolean reached(DecisionFeedback decisionFeedback) {
    if (!eligible(decisionFeedback)) {
      return false;
    }
    for (DecisionFeedback.Tally group : decisionFeedback.byPerspective().values()) {
      if (group.respondents() > 0 && !group.ratings().addedValueAtLeast(MIN_MEAN_ADDED_VALUE)) {
        return false;
      }
    }
    return true;
  }

  private static long perspectivesWithFeedback(DecisionFeedback feedback) {
    return feedback.byPerspective().values().stream()
        .filter(group -> group.respondents() > 0)
        .count();
  }
}
