package dev.koers.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.wire.AvroSerde;
import dev.koers.wire.DeadLetter;
import dev.koers.wire.KoersTopics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One record the views cannot fold sets its decision aside, and nothing else. */
class QuarantineTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  /** "0001-01-01T00:00:00+01:00": year 0 in UTC, which no ISO week holds. */
  private static final Instant YEAR_ZERO = Instant.parse("0000-12-31T23:00:00Z");

  private final KoersTopics topics = new KoersTopics("", 1);
  private final AvroSerde<DecisionEvent> serde = AvroSerde.of(DecisionEvent.class);
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> log;
  private TestOutputTopic<byte[], byte[]> deadLetters;
  private KeyValueStore<String, QuarantineEntry> quarantine;
  private KeyValueStore<String, DecisionView> decisions;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "quarantine-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(ViewsTopology.build(topics, Anonymity.DEFAULT), props, T0);
    log = driver.createInputTopic(topics.events().name(), Serdes.ByteArray().serializer(),
        Serdes.ByteArray().serializer());
    deadLetters = driver.createOutputTopic(topics.deadLetter().name(), Serdes.ByteArray().deserializer(),
        Serdes.ByteArray().deserializer());
    quarantine = driver.getKeyValueStore(QuarantineStores.ENTRIES);
    decisions = driver.getKeyValueStore(ViewsTopology.DECISIONS_STORE);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void anEventTheCoreRefusesQuarantinesItsDecisionAsItsLastGoodEventLeftIt() {
    DecisionLog bad = new DecisionLog("d-bad", T0);
    DecisionLog good = new DecisionLog("d-good", T0);
    append(bad.open("north", T0));
    append(good.open("north", T0));
    DecisionEvent poison = DecisionEvent.newBuilder(bad.hear(T0.plusSeconds(60))).setOccurredAt(YEAR_ZERO).build();
    append(poison);
    append(bad.decide(T0.plusSeconds(120)));
    append(good.decide(T0.plusSeconds(120)));

    QuarantineEntry entry = quarantine.get("d-bad");
    assertThat(entry.code()).isEqualTo(QuarantineEntry.UNFOLDABLE_EVENT);
    assertThat(entry.error()).contains("ISO week", "was 0");
    assertThat(entry.topic()).isEqualTo(topics.events().name());
    assertThat(entry.offset()).isEqualTo(2);
    assertThat(entry.sequence()).isEqualTo(2);
    assertThat(entry.heldEvents()).as("the decision's later event is held, not folded").isEqualTo(1);
    // Nothing of the poison event was written: the decision stands as its opening left it.
    assertThat(decisions.get("d-bad").head().sequence()).isEqualTo(1);
    assertThat(quarantine.get("d-good")).isNull();
    assertThat(decisions.get("d-good").head().sequence()).isEqualTo(2);
    // The aggregates keep what the quarantined decision contributed before (its opening), and go on counting.
    KeyValueStore<String, MetricsAggregate> aggregates = driver.getKeyValueStore(ViewsTopology.METRICS_STORE);
    assertThat(aggregates.get("UNIT:north:ALL").counts().opened()).isEqualTo(2);
    assertThat(aggregates.get("UNIT:north:ALL").counts().decided()).isEqualTo(1);

    TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
    assertThat(letter.value()).isEqualTo(serde.encode(poison));
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("d-bad");
    assertThat(header(letter.headers(), DeadLetter.ERROR_CODE)).isEqualTo("UNFOLDABLE_EVENT");
    assertThat(header(letter.headers(), DeadLetter.ERROR_MESSAGE)).contains("ISO week");
    assertThat(header(letter.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(topics.events().name());
    assertThat(header(letter.headers(), DeadLetter.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(letter.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("2");
    assertThat(deadLetters.isEmpty()).as("one dead letter, for the poison only").isTrue();
  }

  @Test
  void unreadableBytesUnderADecisionsKeyQuarantineThatDecision() {
    DecisionLog good = new DecisionLog("d-good", T0);
    append(good.open("north", T0));
    log.pipeInput(new TestRecord<>("d-junk".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}));
    append(good.decide(T0.plusSeconds(60)));

    assertThat(quarantine.get("d-junk").code()).isEqualTo(QuarantineEntry.UNREADABLE_EVENT);
    assertThat(quarantine.get("d-junk").sequence()).isNull();
    assertThat(decisions.get("d-good").head().sequence()).isEqualTo(2);
    assertThat(header(deadLetters.readRecord().headers(), DeadLetter.ERROR_CODE)).isEqualTo("UNREADABLE_EVENT");
  }

  @Test
  void anEventBeforeTheOpeningAGapAndAForeignKeyEachQuarantineOnlyTheirDecision() {
    DecisionLog late = new DecisionLog("d-late", T0);
    late.open("north", T0);
    append(DecisionEvent.newBuilder(late.hear(T0.plusSeconds(60))).setSequence(1).build());
    DecisionLog gap = new DecisionLog("d-gap", T0);
    append(gap.open("north", T0));
    gap.hear(T0.plusSeconds(60));
    append(gap.decide(T0.plusSeconds(120)));
    DecisionLog other = new DecisionLog("d-other", T0);
    log.pipeInput("d-stolen".getBytes(StandardCharsets.UTF_8), serde.encode(other.open("north", T0)));

    assertThat(quarantine.get("d-late").error()).contains("first event must be DecisionOpened");
    assertThat(quarantine.get("d-gap").error()).contains("does not follow #1");
    assertThat(quarantine.get("d-stolen").code()).isEqualTo(QuarantineEntry.KEY_MISMATCH);
    assertThat(decisions.get("d-other")).as("a record under another key folds into nothing").isNull();
    assertThat(decisions.get("d-gap").head().sequence()).isEqualTo(1);
  }

  @Test
  void aRecordWithoutAKeyIsDeadLetteredAndCostsNothingElse() {
    log.pipeInput(new TestRecord<>(null, new byte[] {9}));
    DecisionLog good = new DecisionLog("d-good", T0);
    append(good.open("north", T0));

    assertThat(header(deadLetters.readRecord().headers(), DeadLetter.ERROR_CODE)).isEqualTo("NO_KEY");
    assertThat(decisions.get("d-good")).isNotNull();
    assertThat(quarantine.approximateNumEntries()).isZero();
  }

  @Test
  void theStoresOfTheQuarantineAreNamed() {
    assertThat(ViewsTopology.build(topics, Anonymity.DEFAULT).describe().toString())
        .contains(QuarantineStores.ENTRIES, QuarantineStores.HELD, "views-deadletter-sink");
  }

  private void append(DecisionEvent event) {
    log.pipeInput(new TestRecord<>(event.getDecisionId().getBytes(StandardCharsets.UTF_8), serde.encode(event)));
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
