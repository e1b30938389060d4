package dev.koers.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.DecisionStatus;
import dev.koers.domain.LedgerStep;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.FeedbackFact;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.metrics.SplitFacts;
import dev.koers.schema.command.GiveFeedback;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.wire.KoersTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewsTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private final KoersTopics topics = new KoersTopics("", 1);
  private final LedgerStep ledger = new LedgerStep(new Decider(Duration.ofMinutes(2)));
  private TopologyTestDriver driver;
  private TestInputTopic<String, DecisionEvent> events;
  private DecisionState state;
  private TestOutputTopic<String, DecisionSummary> summaries;
  private TestOutputTopic<String, MetricsView> metricViews;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "views-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(ViewsTopology.build(topics, Anonymity.DEFAULT), props, T0);
    summaries = driver.createOutputTopic(topics.viewDecisions().name(), topics.viewDecisions().keySerde().deserializer(),
        topics.viewDecisions().valueSerde().deserializer());
    metricViews = driver.createOutputTopic(topics.viewMetrics().name(), topics.viewMetrics().keySerde().deserializer(),
        topics.viewMetrics().valueSerde().deserializer());
    events = driver.createInputTopic(topics.events().name(), topics.events().keySerde().serializer(),
        topics.events().valueSerde().serializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void theDecisionsStoreKeepsEachDecisionAsItsEventsLeftIt() {
    append(new OpenDecision("Weekly customer dialogue", "why", "north", "m-1", ActivityGroup.INTERACTION, "A12",
        T0.plusSeconds(86_400)), T0);
    append(new HearPerspective(Perspective.CUSTOMER, Depth.DIALOGUE, null, "they want a weekly slot"),
        T0.plusSeconds(60));
    DecisionEvent made = append(new MakeDecision("weekly slot on Tuesday", "fits both", false),
        T0.plusSeconds(3_600));

    KeyValueStore<String, DecisionView> store = driver.getKeyValueStore(ViewsTopology.DECISIONS_STORE);
    DecisionView view = store.get("d-1");
    assertThat(view.head().status()).isEqualTo(DecisionStatus.DECIDED);
    assertThat(view.head().sequence()).isEqualTo(3);
    assertThat(view.head().lastHash()).isEqualTo(java.util.HexFormat.of().formatHex(made.getHash().bytes()));
    assertThat(view.opening().title()).isEqualTo("Weekly customer dialogue");
    assertThat(view.opening().unit()).isEqualTo("north");
    assertThat(view.opening().openedAt()).isEqualTo(T0);
    assertThat(view.course().decidedAt()).isEqualTo(T0.plusSeconds(3_600));
    assertThat(view.hearings()).singleElement()
        .satisfies(h -> assertThat(h.perspective()).isEqualTo(Perspective.CUSTOMER));
    assertThat(store.get("unknown")).isNull();

    // Each event published the decision's new summary; the last one carries the per-decision metrics.
    var published = summaries.readKeyValuesToMap();
    assertThat(published.get("d-1").getSequence()).isEqualTo(3);
    assertThat(published.get("d-1").getLeadTimeSeconds()).isEqualTo(3_600L);
    assertThat(published.get("d-1").getPerspectivesHeard().getCUSTOMER()).isEqualTo(Depth.DIALOGUE);
    assertThat(published.get("d-1").getBalance().name()).isEqualTo("CUSTOMER_ONLY");
  }

  @Test
  void unitAndManagerAggregatesArePublishedPerWindowAndWithdrawnWhenEmpty() {
    append(new OpenDecision("Weekly customer dialogue", null, "north", "m-1", ActivityGroup.INTERACTION, null,
        null), T0);
    append(new MakeDecision("weekly slot", null, false), T0.plusSeconds(120));

    Map<String, MetricsView> latest = metricViews.readKeyValuesToMap();
    assertThat(latest).containsKeys("UNIT:north:ALL", "UNIT:north:2026-W48", "MANAGER:m-1:ALL",
        "MANAGER:m-1:2026-W48");
    MetricsView unit = latest.get("UNIT:north:ALL");
    assertThat(unit.getCounts().getOpened()).isEqualTo(1);
    assertThat(unit.getCounts().getDecided()).isEqualTo(1);
    assertThat(unit.getLeadTimeSeconds().getP50()).isEqualTo(120L);
    assertThat(unit.getScores().getOverall().getRespondents()).isZero();
    assertThat(unit.getOnTimeShare()).isNull();
    KeyValueStore<String, MetricsAggregate> aggregates = driver.getKeyValueStore(ViewsTopology.METRICS_STORE);
    assertThat(aggregates.get("UNIT:north:2026-W48")).isNotNull();
  }

  @Test
  void storesAndProcessorsHaveTheirDeliberateNames() {
    String description = ViewsTopology.build(topics, Anonymity.DEFAULT).describe().toString();
    assertThat(description).contains(ViewsTopology.DECISIONS_STORE, ViewsTopology.FACTS_STORE,
        ViewsTopology.FEEDBACK_STORE, ViewsTopology.TIMELINES_STORE, ViewsTopology.METRICS_STORE,
        ViewsTopology.METRICS_RESPONDENTS_STORE, ViewsTopology.CONTRIBUTIONS + "-repartition",
        ViewsTopology.EVENTS_SOURCE, ViewsTopology.DECISION_PROCESSOR, ViewsTopology.METRICS_PROCESSOR);
    assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
  }

  @Test
  void eachEventIsATimelineEntryOfItsOwnReadInSequenceOrder() {
    append(new OpenDecision("Weekly customer dialogue", null, "north", "m-1", ActivityGroup.INTERACTION, null,
        null), T0);
    append(new MakeDecision("weekly slot", null, false), T0.plusSeconds(120));
    for (int i = 0; i < 11; i++) { // sequences 3..13: 10 sorts after 9 only if the keys are padded
      append(feedback("r-" + (i % 4), 1 + i % 5), T0.plusSeconds(200 + i), new Actor("r-" + (i % 4), Role.STAKEHOLDER));
    }

    KeyValueStore<String, DecisionEvent> timelines = driver.getKeyValueStore(ViewsTopology.TIMELINES_STORE);
    List<Long> sequences = new ArrayList<>();
    try (KeyValueIterator<String, DecisionEvent> entries =
             timelines.prefixScan("d-1/", Serdes.String().serializer())) {
      entries.forEachRemaining(entry -> sequences.add(entry.value.getSequence()));
    }
    assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, 13).boxed().toList());
    assertThat(timelines.get("d-1")).isNull();
  }

  @Test
  void eachRespondentsCurrentFeedbackIsAnEntryOfItsOwnAndTheFactsKeepOnlyTheTally() {
    append(new OpenDecision("Weekly customer dialogue", null, "north", "m-1", ActivityGroup.INTERACTION, null,
        null), T0);
    append(new MakeDecision("weekly slot", null, false), T0.plusSeconds(120));
    append(feedback("r-1", 2), T0.plusSeconds(200), new Actor("r-1", Role.STAKEHOLDER));
    append(feedback("r-2", 4), T0.plusSeconds(201), new Actor("r-2", Role.STAKEHOLDER));
    append(feedback("r-1", 5), T0.plusSeconds(202), new Actor("r-1", Role.STAKEHOLDER));

    KeyValueStore<String, FeedbackFact> feedback = driver.getKeyValueStore(ViewsTopology.FEEDBACK_STORE);
    assertThat(feedback.get("d-1/r-1").clarity()).isEqualTo(5);
    assertThat(feedback.get("d-1/r-2").clarity()).isEqualTo(4);
    KeyValueStore<String, SplitFacts> facts = driver.getKeyValueStore(ViewsTopology.FACTS_STORE);
    SplitFacts stored = facts.get("d-1");
    assertThat(stored.facts().feedback()).isEmpty();
    assertThat(stored.feedback().overall().respondents()).isEqualTo(2);
    assertThat(stored.feedback().overall().ratings().claritySum()).isEqualTo(9);
    assertThat(summaries.readKeyValuesToMap().get("d-1").getScores().getOverall().getRespondents()).isEqualTo(2);

    // The unit's aggregate counts its respondents and names none: they are entries of their own.
    KeyValueStore<String, MetricsAggregate> aggregates = driver.getKeyValueStore(ViewsTopology.METRICS_STORE);
    MetricsAggregate unit = aggregates.get("UNIT:north:ALL");
    assertThat(unit.feedback().overall().respondents().distinct()).isEqualTo(2);
    assertThat(unit.feedback().overall().respondents().counts()).isEmpty();
    assertThat(metricViews.readKeyValuesToMap().get("UNIT:north:ALL").getScores().getOverall().getRespondents())
        .isEqualTo(2);
    KeyValueStore<String, Long> respondents = driver.getKeyValueStore(ViewsTopology.METRICS_RESPONDENTS_STORE);
    assertThat(respondents.get("14:UNIT:north:ALL/overall/r-1")).isEqualTo(1L);
    assertThat(respondents.get("14:UNIT:north:ALL/overall/r-2")).isEqualTo(1L);
  }

  private static GiveFeedback feedback(String respondentId, int clarity) {
    return GiveFeedback.newBuilder().setPerspective(Perspective.EMPLOYEE).setRespondentId(respondentId)
        .setClarity(clarity).build();
  }

  private DecisionEvent append(Object command, Instant occurredAt) {
    return append(command, occurredAt, new Actor("m-1", Role.MANAGER));
  }

  private DecisionEvent append(Object command, Instant occurredAt, Actor actor) {
    Submission submission = Submission.newBuilder()
        .setSubmissionId("s-" + occurredAt.toEpochMilli())
        .setDecisionId("d-1")
        .setSubmittedAt(occurredAt)
        .setOccurredAt(occurredAt)
        .setActor(actor)
        .setCommand(command)
        .build();
    LedgerStep.Result result = ledger.handle(state, submission, T0.plusSeconds(7_200), "e-" + occurredAt);
    assertThat(result.accepted()).as("accepted: %s", result.outcome()).isTrue();
    state = result.newState();
    DecisionEvent event = result.event().orElseThrow();
    events.pipeInput("d-1", event, event.getRecordedAt());
    return event;
  }
}
