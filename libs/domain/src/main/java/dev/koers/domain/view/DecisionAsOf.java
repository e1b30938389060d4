package dev.koers.domain.view;

import dev.koers.domain.AsOfCut;
import dev.koers.domain.metrics.DecisionFacts;
import dev.koers.domain.metrics.DecisionFactsFold;
import dev.koers.schema.DecisionEvent;
import java.time.Instant;
import java.util.List;

/**
 * A decision as the log knew it at a moment: its events cut by {@link AsOfCut} (in log order up to the first one
 * recorded after that moment), folded with the same projector as the live view. The auditor's replay cuts with
 * the same {@link AsOfCut}.
 */
public record DecisionAsOf(DecisionView decision, DecisionFacts facts, List<TimelineEntry> events) {

  public static DecisionAsOf rebuild(List<DecisionEvent> log, Instant asOf) {
    DecisionProjector projector = new DecisionProjector();
    DecisionFactsFold fold = new DecisionFactsFold();
    DecisionView view = null;
    DecisionFacts facts = null;
    List<DecisionEvent> known = new AsOfCut(asOf).of(log);
    for (DecisionEvent event : known) {
      view = projector.apply(view, event);
      facts = fold.apply(facts, event);
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
