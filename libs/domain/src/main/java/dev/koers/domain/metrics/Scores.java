package dev.koers.domain.metrics;

import dev.koers.schema.Perspective;
import java.util.Map;
import java.util.Objects;

/** The scores of a decision or a window: overall, and per perspective (every perspective named, always). */
public record Scores(ScoreGroup overall, Map<Perspective, ScoreGroup> byPerspective) {

  public Scores {
    Objects.requireNonNull(overall, "overall");
    byPerspective = EnumMaps.sparse(Perspective.class, byPerspective);
  }

  public static Scores of(FeedbackTotals feedback, Anonymity anonymity) {
    return new Scores(ScoreGroup.of(feedback.overall(), anonymity),
        EnumMaps.render(Perspective.class, feedback.byPerspective(), group -> ScoreGroup.of(group, anonymity)));
  }

  /** One decision's scores, from its tally. */
  public static Scores of(DecisionFeedback feedback, Anonymity anonymity) {
    return new Scores(ScoreGroup.of(feedback.overall(), anonymity),
        EnumMaps.render(Perspective.class, feedback.byPerspective(), group -> ScoreGroup.of(group, anonymity)));
  }
}
