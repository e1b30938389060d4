package dev.koers.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.DecisionStatus;
import dev.koers.domain.LedgerStep;
import dev.koers.domain.view.DecisionView;
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

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "views-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(ViewsTopology.build(topics), props, T0);
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
  }

  @Test
  void storesAndProcessorsHaveTheirDeliberateNames() {
    String description = ViewsTopology.build(topics).describe().toString();
    assertThat(description).contains(ViewsTopology.DECISIONS_STORE, ViewsTopology.DECISIONS_AGGREGATE,
        ViewsTopology.EVENTS_SOURCE);
    assertThat(description).doesNotContain("KSTREAM-AGGREGATE-STATE-STORE");
  }

  private DecisionEvent append(Object command, Instant occurredAt) {
    Submission submission = Submission.newBuilder()
        .setSubmissionId("s-" + occurredAt.toEpochMilli())
        .setDecisionId("d-1")
        .setSubmittedAt(occurredAt)
        .setOccurredAt(occurredAt)
        .setActor(new Actor("m-1", Role.MANAGER))
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
