package dev.koers.views;

import dev.koers.documents.ViewRecords;
import dev.koers.domain.ChainLink;
import dev.koers.domain.ChainLink.SequenceFit;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.Contribution;
import dev.koers.domain.metrics.Contributions;
import dev.koers.domain.metrics.DecisionFacts;
import dev.koers.domain.metrics.DecisionFactsFold;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.internal.DecisionHistory;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds each event into its decision's three stores (view, metric facts, history) with the pure core, and
 * says what changed: the decision's summary, and the net change of each aggregate it contributes to.
 */
final class DecisionProcessor implements Processor<String, DecisionEvent, String, ViewChange> {

  private final DecisionProjector projector = new DecisionProjector();
  private final DecisionFactsFold fold = new DecisionFactsFold();
  private final Anonymity anonymity;
  private ProcessorContext<String, ViewChange> context;
  private KeyValueStore<String, DecisionView> decisions;
  private KeyValueStore<String, DecisionFacts> facts;
  private KeyValueStore<String, DecisionHistory> histories;

  DecisionProcessor(Anonymity anonymity) {
    this.anonymity = anonymity;
  }

  @Override
  public void init(ProcessorContext<String, ViewChange> context) {
    this.context = context;
    this.decisions = context.getStateStore(ViewsTopology.DECISIONS_STORE);
    this.facts = context.getStateStore(ViewsTopology.FACTS_STORE);
    this.histories = context.getStateStore(ViewsTopology.HISTORIES_STORE);
  }

  @Override
  public void process(Record<String, DecisionEvent> record) {
    DecisionEvent event = record.value();
    if (event == null) {
      return;
    }
    String id = event.getDecisionId();
    DecisionView before = decisions.get(id);
    SequenceFit fit = ChainLink.sequenceFit(before == null ? 0 : before.head().sequence(), event.getSequence());
    if (before != null && fit == SequenceFit.REPEAT) {
      return; // Already folded in: a redelivered event must not count twice.
    }
    if (fit == SequenceFit.GAP) {
      throw new IllegalStateException("event #" + event.getSequence() + " of " + id + " does not follow #"
          + (before == null ? 0 : before.head().sequence()) + ": the log has a gap");
    }
    // Everything the core works out comes first: when it throws, nothing is written and nothing sent, so the
    // quarantine sets the decision aside as its last good event left it.
    DecisionView view = projector.apply(before, event);
    DecisionFacts oldFacts = facts.get(id);
    DecisionFacts newFacts = fold.apply(oldFacts, event);
    DecisionSummary summary = ViewRecords.decision(view, DecisionMetrics.of(newFacts, anonymity));
    List<Contribution> changes = Contributions.changes(oldFacts, newFacts);
    decisions.put(id, view);
    facts.put(id, newFacts);
    histories.put(id, appended(id, histories.get(id), event));

    long timestamp = record.timestamp();
    context.forward(new Record<>(id, new ViewChange.DecisionChanged(summary), timestamp));
    for (Contribution change : changes) {
      context.forward(new Record<>(change.key().asString(), new ViewChange.MetricsChanged(change), timestamp));
    }
  }

  private static DecisionHistory appended(String id, DecisionHistory history, DecisionEvent event) {
    List<DecisionEvent> events = new ArrayList<>(history == null ? List.of() : history.getEvents());
    events.add(event);
    return new DecisionHistory(id, events);
  }
}
