package dev.koers.domain.view;

import dev.koers.domain.AsOfCut;
import dev.koers.domain.metrics.SplitFacts;
import dev.koers.domain.metrics.SplitFactsFold;
import dev.koers.schema.DecisionEvent;
import java.time.Instant;
import java.util.List;

/**
 * A decision as the log knew it at a moment: its events cut by {@link AsOfCut} (in log order up to the first one
 * recorded after that moment), folded with the same projector as the live view. The auditor's replay cuts with
 * the same {@link AsOfCut}. The facts are folded as the live views fold them ({@link SplitFactsFold}), so a
 * decision of many respondents costs the same per event as one of few.
 */
public record DecisionAsOf(DecisionView decision, SplitFacts facts, List<TimelineEntry> events) {

  public static DecisionAsOf rebuild(List<DecisionEvent> log, Instant asOf) {
    DecisionProjector projector = new DecisionProjector();
    SplitFactsFold fold = new SplitFactsFold();
    SplitFactsFold.FeedbackEntries feedback = SplitFactsFold.FeedbackEntries.inMemory();
    DecisionView view = null;
    SplitFacts facts = null;
    List<DecisionEvent> known = new AsOfCut(asOf).of(log);
    for (DecisionEvent event : known) {
      view = projector.apply(view, event);
      facts = fold.apply(facts, event, feedback).facts();
    }
    return new DecisionAsOf(view, facts, known.stream().map(TimelineEntry::of).toList());
  }

  public boolean existed() {
    return decision != null;
  }

  public DecisionAsOf withoutPersonalData() {
    return new DecisionAsOf(decision, facts, events.stream().map(TimelineEntry::withoutPersonalData).toList());
  }
}
