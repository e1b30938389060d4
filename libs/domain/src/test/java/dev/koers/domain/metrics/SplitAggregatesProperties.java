package dev.koers.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.DecisionEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Aggregates kept the views' way (respondents as entries of their own, the aggregate only their number)
 * render the same documents as a replay's, over random logs with replaced and back-dated feedback; and every
 * aggregate record holds no respondent id.
 */
class SplitAggregatesProperties {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {20_261_231L, 11, 12})
  void split_aggregates_render_the_replays_documents(long seed) {
    List<DecisionEvent> log = RandomLog.generate(seed, 3_000, 6, 9);
    DecisionFactsFold fold = new DecisionFactsFold();
    Map<String, DecisionFacts> facts = new HashMap<>();
    Map<AggregateKey, MetricsAggregate> aggregates = new HashMap<>();
    Map<String, Long> entries = new HashMap<>();
    for (DecisionEvent event : log) {
      DecisionFacts before = facts.get(event.getDecisionId());
      DecisionFacts after = fold.apply(before, event);
      facts.put(event.getDecisionId(), after);
      for (Contribution change : Contributions.changes(before, after)) {
        MetricsAggregate stored = aggregates.getOrDefault(change.key(), MetricsAggregate.ZERO);
        MetricsAggregate next = SplitAggregates.plus(stored, change.delta(), entriesOf(change.key(), entries));
        // As the store keeps it, as JSON.
        next = StoreJson.roundTrip(next, MetricsAggregate.class);
        if (next.zero()) {
          aggregates.remove(change.key());
        } else {
          aggregates.put(change.key(), next);
        }
      }
    }

    MetricsSnapshot replay = MetricsReplay.replay(log);
    assertThat(new TreeMap<>(aggregates).keySet()).isEqualTo(replay.aggregates().keySet());
    for (Anonymity anonymity : List.of(Anonymity.DEFAULT, new Anonymity(1), new Anonymity(5))) {
      SortedMap<AggregateKey, MetricsDocument> documents = new TreeMap<>();
      aggregates.forEach((key, aggregate) -> documents.put(key, MetricsDocument.of(key, aggregate, anonymity)));
      assertThat(documents).isEqualTo(replay.documents(anonymity));
    }
    assertThat(aggregates.values()).allSatisfy(aggregate ->
        assertThat(StoreJson.text(aggregate)).doesNotContain("\"r-"));
    assertThat(entries.values()).allMatch(count -> count != 0);
  }

  private static SplitAggregates.RespondentEntries entriesOf(AggregateKey key, Map<String, Long> entries) {
    return new SplitAggregates.RespondentEntries() {
      @Override
      public long count(String group, String respondentId) {
        return entries.getOrDefault(key + "|" + group + "|" + respondentId, 0L);
      }

      @Override
      public void put(String group, String respondentId, long count) {
        if (count == 0) {
          entries.remove(key + "|" + group + "|" + respondentId);
        } else {
          entries.put(key + "|" + group + "|" + respondentId, count);
        }
      }
    };
  }
}
