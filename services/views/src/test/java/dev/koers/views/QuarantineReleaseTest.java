package dev.koers.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.DecisionEvent;
import dev.koers.wire.AvroSerde;
import dev.koers.wire.KoersTopics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clearing a quarantine: after a start, the guard folds every held record again; with a fold that can now
 * handle them (a newer version) the decision is released with all its events, in log order.
 */
class QuarantineReleaseTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private final KoersTopics topics = new KoersTopics("", 1);
  private final AvroSerde<DecisionEvent> serde = AvroSerde.of(DecisionEvent.class);
  /** Stands in for the fold of an older version (refuses hearings) and of a newer one (folds everything). */
  private final AtomicBoolean canFoldHearings = new AtomicBoolean(false);
  private final List<Long> folded = new ArrayList<>();
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> log;
  private KeyValueStore<String, QuarantineEntry> quarantine;

  private final class VersionedFold implements Processor<String, DecisionEvent, String, ViewChange> {
    @Override
    public void process(Record<String, DecisionEvent> record) {
      if (!canFoldHearings.get() && record.value().getPayload() instanceof dev.koers.schema.event.PerspectiveHeard) {
        throw new IllegalStateException("this version cannot fold a hearing");
      }
      folded.add(record.value().getSequence());
    }
  }

  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    QuarantineStores.addTo(builder);
    builder.stream(topics.events().name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .process(() -> new QuarantineGuard(topics, new VersionedFold()), QuarantineStores.ENTRIES,
            QuarantineStores.HELD);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "quarantine-release-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(builder.build(), props, T0);
    log = driver.createInputTopic(topics.events().name(), Serdes.ByteArray().serializer(),
        Serdes.ByteArray().serializer());
    quarantine = driver.getKeyValueStore(QuarantineStores.ENTRIES);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aVersionThatCanFoldTheHeldRecordsReleasesTheDecisionAfterItsStart() {
    DecisionLog decision = new DecisionLog("d-1", T0.plusSeconds(7_200));
    append(decision.open("north", T0));
    append(decision.hear(T0.plusSeconds(60)));
    append(decision.decide(T0.plusSeconds(120)));
    assertThat(quarantine.get("d-1").heldEvents()).isEqualTo(1);
    assertThat(folded).containsExactly(1L);

    canFoldHearings.set(true);
    driver.advanceWallClockTime(QuarantineGuard.REFOLD_AFTER_START);

    assertThat(quarantine.get("d-1")).as("released").isNull();
    assertThat(folded).containsExactly(1L, 2L, 3L);
    KeyValueStore<String, HeldEvent> held = driver.getKeyValueStore(QuarantineStores.HELD);
    assertThat(held.approximateNumEntries()).isZero();
    append(decision.communicate(T0.plusSeconds(180)));
    assertThat(folded).as("the decision folds as any other again").containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void theSameVersionKeepsTheDecisionQuarantinedAndRetriesOnlyOncePerStart() {
    DecisionLog decision = new DecisionLog("d-1", T0.plusSeconds(7_200));
    append(decision.open("north", T0));
    append(decision.hear(T0.plusSeconds(60)));
    QuarantineEntry before = quarantine.get("d-1");

    driver.advanceWallClockTime(QuarantineGuard.REFOLD_AFTER_START.multipliedBy(5));

    assertThat(quarantine.get("d-1")).isEqualTo(before);
    assertThat(folded).containsExactly(1L);
  }

  private void append(DecisionEvent event) {
    log.pipeInput(event.getDecisionId().getBytes(StandardCharsets.UTF_8), serde.encode(event));
  }
}
