package dev.koers.domain.metrics;

import java.util.Objects;

/**
 * A decision's facts as the views keep them: everything but the current feedback, and the feedback's tally.
 * Each respondent's current feedback is an entry of its own ({@link SplitFactsFold.FeedbackEntries}), so this
 * record does not grow with the number of respondents. A plain record, kept as JSON like the facts.
 *
 * @param facts the facts with an empty feedback map
 * @param feedback the tally of every respondent's current feedback
 */
public record SplitFacts(DecisionFacts facts, DecisionFeedback feedback) {

  public SplitFacts {
    Objects.requireNonNull(facts, "facts");
    feedback = Objects.requireNonNullElse(feedback, DecisionFeedback.NONE);
    if (!facts.feedback().isEmpty()) {
      throw new IllegalArgumentException("the facts of " + facts.decisionId() + " keep their feedback apart");
    }
  }

  public String decisionId() {
    return facts.decisionId();
  }
}
