package dev.koers.domain.metrics;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.event.FeedbackGiven;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The views' fold: {@link DecisionFactsFold} over a decision kept in parts ({@link SplitFacts} and one
 * feedback entry per respondent), with the net change of every aggregate worked out from what the event
 * touched alone. It gives, event by event, the same facts (feedback apart), the same decision metrics and
 * the same changes as folding the whole facts and asking {@link Contributions#changes}; but its cost does not
 * grow with the number of respondents.
 */
public final class SplitFactsFold {

  /** Where each respondent's current feedback on the decision is kept. */
  public interface FeedbackEntries {

    /** The respondent's current feedback, or null when they gave none yet. */
    FeedbackFact current(String respondentId);

    void replace(String respondentId, FeedbackFact given);

    /** Entries in a map of their own, for a fold that keeps nothing (the as-of query). */
    static FeedbackEntries inMemory() {
      return in(new HashMap<>());
    }

    /** Entries in the given map, by respondent id. */
    static FeedbackEntries in(Map<String, FeedbackFact> entries) {
      return new FeedbackEntries() {
        @Override
        public FeedbackFact current(String respondentId) {
          return entries.get(respondentId);
        }

        @Override
        public void replace(String respondentId, FeedbackFact given) {
          entries.put(respondentId, given);
        }
      };
    }
  }

  /**
   * @param facts the decision's facts after the event
   * @param changes the net change of each aggregate, sorted by key; zero changes are left out
   */
  public record Step(SplitFacts facts, List<Contribution> changes) {}

  private final DecisionFactsFold fold = new DecisionFactsFold();

  /**
   * @param before the facts so far; null before the decision's first event
   * @param event the decision's next event from the log
   * @param entries the decision's feedback entries: read, and written when the event replaces one
   * @throws IllegalStateException as {@link DecisionFactsFold#apply} does
   */
  public Step apply(SplitFacts before, DecisionEvent event, FeedbackEntries entries) {
    Objects.requireNonNull(event, "event");
    if (before == null) {
      DecisionFacts opened = fold.apply(null, event);
      return new Step(new SplitFacts(opened, DecisionFeedback.NONE), Contributions.changes(null, opened));
    }
    DecisionFactsFold.requireSameDecision(before.facts(), event);
    if (event.getPayload() instanceof FeedbackGiven given && event.getSequence() > before.facts().sequence()) {
      return feedback(before, event, given, entries);
    }
    DecisionFacts after = fold.apply(before.facts(), event);
    DecisionFeedback tally = before.feedback();
    return new Step(new SplitFacts(after, tally), Contributions.net(
        Contributions.byKey(sink -> Contributions.decisionPieces(before.facts(), tally, sink)),
        Contributions.byKey(sink -> Contributions.decisionPieces(after, tally, sink))));
  }

  /** Only this respondent's piece and the decision's own figures (its value consensus) can change. */
  private static Step feedback(SplitFacts before, DecisionEvent event, FeedbackGiven given,
      FeedbackEntries entries) {
    DecisionFacts facts = before.facts().atSequence(event.getSequence());
    String respondentId = given.getRespondentId();
    FeedbackFact current = entries.current(respondentId);
    FeedbackFact next = DecisionFactsFold.feedbackOf(event, given);
    if (current != null && !next.supersedes(current)) {
      return new Step(new SplitFacts(facts, before.feedback()), List.of());
    }
    entries.replace(respondentId, next);
    DecisionFeedback tally = before.feedback().replacing(current, next);
    return new Step(new SplitFacts(facts, tally), Contributions.net(
        Contributions.byKey(sink -> {
          Contributions.decisionPieces(facts, before.feedback(), sink);
          if (current != null) {
            Contributions.feedbackPiece(facts, respondentId, current, sink);
          }
        }),
        Contributions.byKey(sink -> {
          Contributions.decisionPieces(facts, tally, sink);
          Contributions.feedbackPiece(facts, respondentId, next, sink);
        })));
  }
}
