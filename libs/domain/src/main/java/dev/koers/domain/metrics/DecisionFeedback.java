package dev.koers.domain.metrics;

import dev.koers.schema.Perspective;
import java.util.Map;
import java.util.Objects;

/**
 * The current feedback on one decision, tallied per perspective: how many respondents' current feedback speaks
 * for it, and the sums of their ratings. A respondent has one current feedback, so a count is the number of
 * distinct respondents; and the tally keeps its size however many respondents answer, so the views can keep
 * it with the decision's facts while each respondent's feedback is an entry of its own ({@link SplitFacts}).
 *
 * @param byPerspective every perspective, with its tally (zero when none of the current feedback speaks for it)
 */
public record DecisionFeedback(Map<Perspective, Tally> byPerspective) {

  public static final DecisionFeedback NONE = new DecisionFeedback(Map.of());

  public DecisionFeedback {
    byPerspective = EnumMaps.full(Perspective.class, byPerspective, Tally.ZERO);
  }

  /** The tally of every current feedback of the facts. */
  static DecisionFeedback of(DecisionFacts facts) {
    DecisionFeedback tally = NONE;
    for (FeedbackFact feedback : facts.feedback().values()) {
      tally = tally.replacing(null, feedback);
    }
    return tally;
  }

  /**
   * @param current the respondent's current feedback, or null when they gave none yet
   * @param given the feedback that replaces it
   */
  public DecisionFeedback replacing(FeedbackFact current, FeedbackFact given) {
    Objects.requireNonNull(given, "given");
    Map<Perspective, Tally> next = new java.util.EnumMap<>(byPerspective);
    if (current != null) {
      next.put(current.perspective(), next.get(current.perspective()).combine(current, -1));
    }
    next.put(given.perspective(), next.get(given.perspective()).combine(given, 1));
    return new DecisionFeedback(next);
  }

  /** All perspectives together: every respondent's current feedback counts once. */
  public Tally overall() {
    Tally overall = Tally.ZERO;
    for (Tally tally : byPerspective.values()) {
      overall = new Tally(overall.respondents + tally.respondents, overall.ratings.plus(tally.ratings));
    }
    return overall;
  }

  /**
   * One score group of a decision before rendering.
   *
   * @param respondents how many respondents' current feedback is in it
   * @param ratings the sums and counts of their ratings
   */
  public record Tally(long respondents, RatingTotals ratings) {

    public static final Tally ZERO = new Tally(0, RatingTotals.ZERO);

    public Tally {
      ratings = Objects.requireNonNullElse(ratings, RatingTotals.ZERO);
    }

    Tally combine(FeedbackFact feedback, int sign) {
      return new Tally(respondents + sign, ratings.combine(RatingTotals.of(feedback), sign));
    }
  }
}
