package dev.koers.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.event.DecisionMade;
import dev.koers.schema.event.DecisionRevised;
import dev.koers.schema.event.DecisionWithdrawn;
import dev.koers.schema.event.FeedbackGiven;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replay equality, without Kafka: the views' way (on every event, subtract the decision's old contributions
 * and add its new ones) gives exactly what a replay gives (fold every decision, sum contributions once), for
 * every decision, every (scope, window) and every document, over a large random log.
 */
class IncrementalEqualsReplayProperties {

  private static final long SEED = 20_261_231L;
  private static final List<DecisionEvent> LOG = RandomLog.generate(SEED, 5_000, 24, 36);
  private static final MetricsSnapshot REPLAY = MetricsReplay.replay(LOG);

  @Test
  void the_random_log_is_as_large_and_as_varied_as_the_issue_asks() {
    Set<String> units = REPLAY.facts().values().stream().map(DecisionFacts::unit).collect(Collectors.toSet());
    Set<String> managers = REPLAY.facts().values().stream().map(DecisionFacts::managerId).collect(Collectors.toSet());
    long feedbackEvents = LOG.stream().filter(e -> e.getPayload() instanceof FeedbackGiven).count();
    long currentFeedback = REPLAY.facts().values().stream().mapToLong(f -> f.feedback().size()).sum();
    long backdated = LOG.stream()
        .filter(e -> Duration.between(e.getOccurredAt(), e.getRecordedAt()).compareTo(Duration.ofDays(1)) > 0)
        .count();
    long hearingsAfterDecision = REPLAY.facts().values().stream().filter(DecisionFacts::decided)
        .flatMap(f -> f.hearings().stream().filter(h -> h.occurredAt().isAfter(f.decidedAt())))
        .count();

    assertThat(LOG).hasSizeGreaterThanOrEqualTo(5_000);
    assertThat(units).hasSizeGreaterThanOrEqualTo(20);
    assertThat(managers).hasSizeGreaterThanOrEqualTo(30);
    assertThat(count(DecisionMade.class)).isGreaterThan(300);
    assertThat(count(DecisionRevised.class)).isGreaterThan(100);
    assertThat(count(DecisionWithdrawn.class)).isGreaterThan(20);
    assertThat(feedbackEvents - currentFeedback).as("feedback replaced or outdated").isGreaterThan(200);
    assertThat(backdated).isGreaterThan(1_000);
    assertThat(hearingsAfterDecision).isGreaterThan(10);
    Set<String> windows = REPLAY.aggregates().keySet().stream().map(AggregateKey::window).collect(Collectors.toSet());
    assertThat(windows).as("windows around two ISO year boundaries")
        .contains("2025-W52", "2026-W01", "2026-W53", "2027-W01");
  }

  @Test
  void subtracting_old_and_adding_new_contributions_on_every_event_equals_the_replay() {
    IncrementalViews views = IncrementalViews.subtractingAndAdding(LOG);

    assertThat(views.facts()).isEqualTo(REPLAY.facts());
    assertThat(views.aggregates()).isEqualTo(REPLAY.aggregates());
    for (Anonymity anonymity : List.of(Anonymity.DEFAULT, new Anonymity(1), new Anonymity(5))) {
      assertThat(views.snapshot().documents(anonymity)).isEqualTo(REPLAY.documents(anonymity));
      assertThat(views.snapshot().decisions(anonymity)).isEqualTo(REPLAY.decisions(anonymity));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void smaller_logs_from_other_seeds_agree_too(long seed) {
    List<DecisionEvent> log = RandomLog.generate(seed, 600, 5, 7);
    MetricsSnapshot replay = MetricsReplay.replay(log);

    IncrementalViews views = IncrementalViews.subtractingAndAdding(log);

    assertThat(views.aggregates()).isEqualTo(replay.aggregates());
    assertThat(views.snapshot().documents(Anonymity.DEFAULT)).isEqualTo(replay.documents(Anonymity.DEFAULT));
  }

  @Test
  void adding_net_changes_in_any_interleaving_of_decisions_equals_the_replay() {
    // Partitions interleave decisions arbitrarily; only each decision's own order is kept. Documents are a
    // function of the aggregates, compared in the test above.
    IncrementalViews views = new IncrementalViews();
    interleaved(LOG, new Random(SEED)).forEach(views::addChanges);

    assertThat(views.facts()).isEqualTo(REPLAY.facts());
    assertThat(views.aggregates()).isEqualTo(REPLAY.aggregates());
  }

  @Test
  void state_kept_as_json_in_stores_between_events_gives_the_same_aggregates() {
    List<DecisionEvent> prefix = LOG.subList(0, 1_000);
    IncrementalViews views = new IncrementalViews();
    for (DecisionEvent event : prefix) {
      views.subtractOldAddNew(event);
      String id = event.getDecisionId();
      views.replaceFacts(id, StoreJson.roundTrip(views.facts(id), DecisionFacts.class));
      for (Contribution touched : Contributions.of(views.facts(id))) {
        views.replaceAggregate(touched.key(),
            StoreJson.roundTrip(views.aggregate(touched.key()), MetricsAggregate.class));
      }
    }

    MetricsSnapshot replay = MetricsReplay.replay(prefix);
    assertThat(views.aggregates()).isEqualTo(replay.aggregates());
    assertThat(views.facts()).isEqualTo(replay.facts());
  }

  @Test
  void removing_decisions_in_any_order_leaves_exactly_the_others_and_then_nothing() {
    List<DecisionFacts> decisions = new ArrayList<>(REPLAY.facts().values());
    Collections.shuffle(decisions, new Random(SEED));
    List<DecisionFacts> removed = decisions.subList(0, decisions.size() / 2);
    List<DecisionFacts> kept = decisions.subList(decisions.size() / 2, decisions.size());

    Map<AggregateKey, MetricsAggregate> aggregates = new TreeMap<>(REPLAY.aggregates());
    for (DecisionFacts decision : removed) {
      for (Contribution c : Contributions.of(decision)) {
        aggregates.merge(c.key(), c.delta(), MetricsAggregate::minus);
      }
    }
    aggregates.values().removeIf(MetricsAggregate::zero);
    assertThat(aggregates).isEqualTo(MetricsReplay.aggregate(kept));

    for (DecisionFacts decision : kept) {
      for (Contribution c : Contributions.of(decision)) {
        aggregates.merge(c.key(), c.delta(), MetricsAggregate::minus);
      }
    }
    assertThat(aggregates.values()).allMatch(MetricsAggregate::zero);
  }

  private static long count(Class<?> payload) {
    return LOG.stream().filter(e -> payload.isInstance(e.getPayload())).count();
  }

  /** A random merge of the decisions' own event sequences. */
  private static List<DecisionEvent> interleaved(List<DecisionEvent> log, Random random) {
    Map<String, Deque<DecisionEvent>> byDecision = new LinkedHashMap<>();
    log.forEach(e -> byDecision.computeIfAbsent(e.getDecisionId(), id -> new ArrayDeque<>()).add(e));
    List<Deque<DecisionEvent>> queues = new ArrayList<>(byDecision.values());
    List<DecisionEvent> merged = new ArrayList<>(log.size());
    while (!queues.isEmpty()) {
      int i = random.nextInt(queues.size());
      merged.add(queues.get(i).poll());
      if (queues.get(i).isEmpty()) {
        queues.remove(i);
      }
    }
    return merged;
  }
}
