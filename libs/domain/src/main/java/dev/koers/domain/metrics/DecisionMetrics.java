package dev.koers.domain.metrics;

import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The per-decision figures of domain.md, named as in the API's decision document. Each is null when it
 * cannot be computed (yet): an open decision has no lead time, an uncommunicated one no lag.
 *
 * @param decisionId the decision
 * @param leadTimeSeconds decided − opened, whole seconds (the first decision; a revision does not change it)
 * @param communicationLagSeconds first communicated − decided, whole seconds
 * @param onTime decided no later than the due date; null without a due date or while undecided
 * @param perspectivesHeard each perspective heard and the highest depth it reached (see
 *     {@link DecisionFacts#perspectivesHeard()}); only the perspectives heard appear
 * @param balance the balance class of a decided decision; null otherwise
 * @param scores the current feedback's scores, overall and per perspective, with anonymity applied
 * @param valueConsensus for a decided decision: current feedback from at least two perspectives, each with a
 *     mean added value of at least 4 (false when fewer than two perspectives gave feedback); null while
 *     undecided
 */
public record DecisionMetrics(String decisionId, Long leadTimeSeconds, Long communicationLagSeconds,
                              Boolean onTime, Map<Perspective, Depth> perspectivesHeard, Balance balance,
                              Scores scores, Boolean valueConsensus) {

  public DecisionMetrics {
    Objects.requireNonNull(decisionId, "decisionId");
    perspectivesHeard = EnumMaps.sparse(Perspective.class, perspectivesHeard);
  }

  /** With the default anonymity threshold. */
  public static DecisionMetrics of(DecisionFacts facts) {
    return of(facts, Anonymity.DEFAULT);
  }

  public static DecisionMetrics of(DecisionFacts facts, Anonymity anonymity) {
    return of(facts, DecisionFeedback.of(facts), anonymity);
  }

  /** A decision kept in parts (the views' way): its current feedback is only read as its tally. */
  public static DecisionMetrics of(SplitFacts facts, Anonymity anonymity) {
    return of(facts.facts(), facts.feedback(), anonymity);
  }

  private static DecisionMetrics of(DecisionFacts facts, DecisionFeedback feedback, Anonymity anonymity) {
    return new DecisionMetrics(
        facts.decisionId(),
        leadTimeSeconds(facts),
        communicationLagSeconds(facts),
        onTime(facts),
        facts.perspectivesHeard(),
        balance(facts),
        Scores.of(feedback, anonymity),
        facts.decided() ? ValueConsensus.reached(feedback) : null);
  }

  /** Whole seconds, rounded down: the log keeps milliseconds, the figures count seconds. */
  static Long leadTimeSeconds(DecisionFacts facts) {
    return facts.decided() ? Duration.between(facts.openedAt(), facts.decidedAt()).getSeconds() : null;
  }

  /** Whole seconds, rounded down, from the first decision to the earliest communication. */
  static Long communicationLagSeconds(DecisionFacts facts) {
    return facts.decided() && facts.firstCommunicatedAt() != null
        ? Duration.between(facts.decidedAt(), facts.firstCommunicatedAt()).getSeconds()
        : null;
  }

  /** A decision made at the very moment it is due is on time. */
  static Boolean onTime(DecisionFacts facts) {
    return facts.decided() && facts.dueBy() != null ? !facts.decidedAt().isAfter(facts.dueBy()) : null;
  }

  static Balance balance(DecisionFacts facts) {
    return facts.decided() ? Balance.of(facts.perspectivesHeard().keySet()) : null;
  }
}
