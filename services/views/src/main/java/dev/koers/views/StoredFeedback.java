package dev.koers.views;

import dev.koers.domain.metrics.FeedbackFact;
import dev.koers.domain.metrics.SplitFactsFold;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One decision's feedback entries in the feedback store: one small record per respondent. A replacement is
 * held until {@link #write()}, so that nothing is stored when the fold of the event fails halfway.
 */
final class StoredFeedback implements SplitFactsFold.FeedbackEntries {

  private final KeyValueStore<String, FeedbackFact> store;
  private final String decisionId;
  private String pendingRespondent;
  private FeedbackFact pending;

  StoredFeedback(KeyValueStore<String, FeedbackFact> store, String decisionId) {
    this.store = store;
    this.decisionId = decisionId;
  }

  @Override
  public FeedbackFact current(String respondentId) {
    return respondentId.equals(pendingRespondent) ? pending : store.get(EntryKeys.respondent(decisionId, respondentId));
  }

  @Override
  public void replace(String respondentId, FeedbackFact given) {
    pendingRespondent = respondentId;
    pending = given;
  }

  /** Stores the replacement, if the event made one. */
  void write() {
    if (pendingRespondent != null) {
      store.put(EntryKeys.respondent(decisionId, pendingRespondent), pending);
    }
  }
}
