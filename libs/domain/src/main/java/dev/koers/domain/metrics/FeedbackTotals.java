package dev.koers.domain.metrics;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Perspective;
import java.util.Map;
import java.util.Objects;

/**
 * Current feedback, counted in the week it was given: the score groups (overall and per perspective) and the
 * two sides of the perception gap per activity group.
 */
public record FeedbackTotals(ScoreTotals overall, Map<Perspective, ScoreTotals> byPerspective,
                             Map<ActivityGroup, GapTotals> perceptionGap) {

  public static final FeedbackTotals ZERO = new FeedbackTotals(ScoreTotals.ZERO, Map.of(), Map.of());

  public FeedbackTotals {
    overall = Objects.requireNonNullElse(overall, ScoreTotals.ZERO);
    byPerspective = EnumMaps.full(Perspective.class, byPerspective, ScoreTotals.ZERO);
    perceptionGap = EnumMaps.full(ActivityGroup.class, perceptionGap, GapTotals.ZERO);
  }

  /** One respondent's current feedback on a decision of the given activity group. */
  static FeedbackTotals of(String respondentId, FeedbackFact feedback, ActivityGroup group) {
    ScoreTotals one = ScoreTotals.of(respondentId, feedback);
    GapTotals side = switch (feedback.perspective()) {
      case CUSTOMER -> new GapTotals(one, ScoreTotals.ZERO);
      case ORGANIZATION -> new GapTotals(ScoreTotals.ZERO, one);
      default -> GapTotals.ZERO;
    };
    return new FeedbackTotals(one, Map.of(feedback.perspective(), one), Map.of(group, side));
  }

  /** All current feedback on one decision. */
  static FeedbackTotals of(DecisionFacts facts) {
    FeedbackTotals sum = ZERO;
    for (Map.Entry<String, FeedbackFact> entry : facts.feedback().entrySet()) {
      sum = sum.plus(of(entry.getKey(), entry.getValue(), facts.activityGroup()));
    }
    return sum;
  }

  public FeedbackTotals plus(FeedbackTotals other) {
    return combine(other, 1);
  }

  public FeedbackTotals minus(FeedbackTotals other) {
    return combine(other, -1);
  }

  FeedbackTotals combine(FeedbackTotals o, int sign) {
    if (ZERO.equals(o)) {
      return this;
    }
    if (sign > 0 && ZERO.equals(this)) {
      return o;
    }
    return new FeedbackTotals(
        overall.combine(o.overall, sign),
        EnumMaps.combine(Perspective.class, byPerspective, o.byPerspective, (a, b) -> a.combine(b, sign)),
        EnumMaps.combine(ActivityGroup.class, perceptionGap, o.perceptionGap, (a, b) -> a.combine(b, sign)));
  }
}
