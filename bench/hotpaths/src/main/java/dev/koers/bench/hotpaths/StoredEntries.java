package dev.koers.bench.hotpaths;

import dev.koers.domain.metrics.FeedbackFact;
import dev.koers.domain.metrics.SplitAggregates;
import dev.koers.domain.metrics.SplitFactsFold;
import java.util.Map;

/**
 * The store entries one step of the fold read, as {@link FoldedLog} kept them: answered from a small map, and
 * written nowhere, so that every operation of a benchmark meets the store as the real step met it.
 */
final class StoredEntries {

  private StoredEntries() {}

  static SplitFactsFold.FeedbackEntries feedback(Map<String, FeedbackFact> read) {
    return new SplitFactsFold.FeedbackEntries() {
      @Override
      public FeedbackFact current(String respondentId) {
        return read.get(respondentId);
      }

      @Override
      public void replace(String respondentId, FeedbackFact given) {
        // The next operation meets the same store again.
      }
    };
  }

  static SplitAggregates.RespondentEntries respondents(Map<String, Long> read) {
    return new SplitAggregates.RespondentEntries() {
      @Override
      public long count(String group, String respondentId) {
        return read.getOrDefault(FoldedLog.respondentKey(group, respondentId), 0L);
      }

      @Override
      public void put(String group, String respondentId, long count) {
        // The next operation meets the same store again.
      }
    };
  }
}
