package dev.koers.domain.metrics;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Perspective;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

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

  /**
   * Each score group replaced by what {@code map} makes of it, given the group's name: {@code overall},
   * {@code perspective:<PERSPECTIVE>}, {@code gap:<ACTIVITY_GROUP>:customer} or {@code …:organization}.
   */
  FeedbackTotals mapGroups(BiFunction<String, ScoreTotals, ScoreTotals> map) {
    Map<Perspective, ScoreTotals> perspectives = new EnumMap<>(Perspective.class);
    byPerspective.forEach((perspective, group) -> perspectives.put(perspective,
        map.apply("perspective:" + perspective, group)));
    Map<ActivityGroup, GapTotals> gaps = new EnumMap<>(ActivityGroup.class);
    perceptionGap.forEach((activityGroup, gap) -> gaps.put(activityGroup, new GapTotals(
        map.apply("gap:" + activityGroup + ":customer", gap.customer()),
        map.apply("gap:" + activityGroup + ":organization", gap.organization()))));
    return new FeedbackTotals(map.apply("overall", overall), perspectives, gaps);
  }

  public FeedbackTotals plus(FeedbackTotals other) {
    return combine(other, 1);
  }

  public FeedbackTotals minus(FeedbackTotals other) {
    return combine(other, -1);
  }

  FeedbackTotals combine(FeedbackTotals o, int sign) {
    if (o == ZERO || ZERO.equals(o)) { // identity first: most zeros are ZERO itself
      return this;
    }
    if (sign > 0 && (this == ZERO || ZERO.equals(this))) {
      return o;
    }
    return new FeedbackTotals(
        overall.combine(o.overall, sign),
        EnumMaps.combine(Perspective.class, byPerspective, o.byPerspective, (a, b) -> a.combine(b, sign)),
        EnumMaps.combine(ActivityGroup.class, perceptionGap, o.perceptionGap, (a, b) -> a.combine(b, sign)));
  }

  /** Adds up many feedback totals in one go (see {@link MetricsAggregate.Sum}). */
  static final class Sum {

    private static final Perspective[] PERSPECTIVES = Perspective.values();
    private static final ActivityGroup[] GROUPS = ActivityGroup.values();

    private final ScoreTotals.Sum overall = new ScoreTotals.Sum();
    private final Map<Perspective, ScoreTotals.Sum> byPerspective = new EnumMap<>(Perspective.class);
    private final Map<ActivityGroup, GapTotals.Sum> perceptionGap = new EnumMap<>(ActivityGroup.class);

    void add(FeedbackTotals term) {
      if (term == ZERO) {
        return; // most pieces carry no feedback; another zero is simply added
      }
      overall.add(term.overall);
      for (Perspective perspective : PERSPECTIVES) {
        ScoreTotals group = term.byPerspective.get(perspective);
        if (group != ScoreTotals.ZERO) {
          byPerspective.computeIfAbsent(perspective, p -> new ScoreTotals.Sum()).add(group);
        }
      }
      for (ActivityGroup group : GROUPS) {
        GapTotals gap = term.perceptionGap.get(group);
        if (gap != GapTotals.ZERO) {
          perceptionGap.computeIfAbsent(group, g -> new GapTotals.Sum()).add(gap);
        }
      }
    }

    FeedbackTotals total() {
      Map<Perspective, ScoreTotals> perspectives = new EnumMap<>(Perspective.class);
      byPerspective.forEach((perspective, sum) -> perspectives.put(perspective, sum.total()));
      Map<ActivityGroup, GapTotals> gaps = new EnumMap<>(ActivityGroup.class);
      perceptionGap.forEach((group, sum) -> gaps.put(group, sum.total()));
      return new FeedbackTotals(overall.total(), perspectives, gaps);
    }
  }
}
