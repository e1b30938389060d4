package dev.koers.views;

import dev.koers.documents.ViewRecords;
import dev.koers.domain.ChainLink;
import dev.koers.domain.ChainLink.SequenceFit;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.Contribution;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.metrics.FeedbackFact;
import dev.koers.domain.metrics.SplitFacts;
import dev.koers.domain.metrics.SplitFactsFold;
import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.view.DecisionSummary;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds each event into its decision's stores with the pure core: the view, the facts (without the
 * feedback), the respondent's feedback entry and the event's own timeline entry, so that no record grows with
 * the decision's life. Says what changed: the decision's summary, and the net change of each aggregate.
 */
final class DecisionProcessor implements Processor<String, DecisionEvent, String, ViewChange> {

  private final DecisionProjector projector = new DecisionProjector();
  private final SplitFactsFold fold = new SplitFactsFold();
  private final Anonymity anonymity;
  private ProcessorContext<String, ViewChange> context;
  private KeyValueStore<String, DecisionView> decisions;
  private KeyValueStore<String, SplitFacts> facts;
  private KeyValueStore<String, FeedbackFact> feedback;
  private KeyValueStore<String, DecisionEvent> timelines;

  DecisionProcessor(Anonymity anonymity) {
    this.anonymity = anonymity;
  }

  @Override
  public void init(ProcessorContext<String, ViewChange> context) {
    this.context = context;
    this.decisions = context.getStateStore(ViewsTopology.DECISIONS_STORE);
    this.facts = context.getStateStore(ViewsTopology.FACTS_STORE);
    this.feedback = context.getStateStore(ViewsTopology.FEEDBACK_STORE);
    this.timelines = context.getStateStore(ViewsTopology.TIMELINES_STORE);
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
    StoredFeedback entries = new StoredFeedback(feedback, id);
    SplitFactsFold.Step step = fold.apply(facts.get(id), event, entries);
    DecisionSummary summary = ViewRecords.decision(view, DecisionMetrics.of(step.facts(), anonymity));
    // The decision last: a query that sees it at this sequence (minSequence) finds its facts and timeline too.
    facts.put(id, step.facts());
    entries.write();
    timelines.put(EntryKeys.event(id, event.getSequence()), event);
    decisions.put(id, view);

    long timestamp = record.timestamp();
    context.forward(new Record<>(id, new ViewChange.DecisionChanged(summary), timestamp));
    for (Contribution change : step.changes()) {
      context.forward(new Record<>(change.key().asString(), new ViewChange.MetricsChanged(change), timestamp));
    }
  }
}
