package dev.koers.views;

import dev.koers.domain.metrics.SplitAggregates;
import org.apache.kafka.streams.state.KeyValueStore;

/** One aggregate's respondent entries in the respondents store: a count per score group and respondent. */
final class StoredRespondents implements SplitAggregates.RespondentEntries {

  private final KeyValueStore<String, Long> store;
  private final String aggregateKey;

  StoredRespondents(KeyValueStore<String, Long> store, String aggregateKey) {
    this.store = store;
    this.aggregateKey = aggregateKey;
  }

  @Override
  public long count(String group, String respondentId) {
    Long count = store.get(EntryKeys.aggregateRespondent(aggregateKey, group, respondentId));
    return count == null ? 0 : count;
  }

  @Override
  public void put(String group, String respondentId, long count) {
    String key = EntryKeys.aggregateRespondent(aggregateKey, group, respondentId);
    if (count == 0) {
      store.delete(key);
    } else {
      store.put(key, count);
    }
  }
}
