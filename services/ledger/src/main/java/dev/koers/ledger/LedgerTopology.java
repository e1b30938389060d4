package dev.koers.ledger;

import dev.koers.domain.DecisionState;
import dev.koers.domain.LedgerStep;
import dev.koers.wire.StateSerde;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.proof.SubmissionKey;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The ledger's topology: submissions in; events, outcomes and dead letters out, in one exactly-once
 * transaction per commit. Names are fixed on purpose: they name the changelog topics.
 */
public final class LedgerTopology {

  public static final String SOURCE = "submissions-source";
  public static final String PROCESSOR = "ledger";
  public static final String DECISIONS_STORE = "ledger-decisions";
  /**
   * Idempotency keys before they had owners (decisionId/submissionId to the first Outcome): kept, read only,
   * so a key taken then is never decided twice.
   */
  public static final String SUBMISSIONS_STORE = "ledger-submissions";
  /** Idempotency keys with their owner: decisionId/submissionId to caller, fingerprint and first outcome. */
  public static final String KEY_CLAIMS_STORE = "ledger-key-claims";
  public static final String EVENTS_SINK = "events-sink";
  public static final String OUTCOMES_SINK = "outcomes-sink";
  public static final String DEAD_LETTER_SINK = "deadletter-sink";

  private LedgerTopology() {}

  public static Topology build(KoersTopics topics, Supplier<LedgerStep> step, SubmissionKey submissionKey) {
    Topology topology = new Topology();
    // Keys and values arrive as raw bytes so that unreadable input reaches the dead-letter topic, byte for byte,
    // instead of stopping us.
    topology.addSource(SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
        topics.submissions().name());
    topology.addProcessor(PROCESSOR, () -> new LedgerProcessor(topics, step.get(), submissionKey), SOURCE);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECISIONS_STORE),
        Serdes.String(), StateSerde.of(DecisionState.class)), PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUBMISSIONS_STORE),
        Serdes.String(), topics.outcomes().valueSerde()), PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(KEY_CLAIMS_STORE),
        Serdes.String(), new KeyClaimSerde(topics.outcomes().valueSerde())), PROCESSOR);
    topology.addSink(EVENTS_SINK, topics.events().name(), topics.events().keySerde().serializer(),
        topics.events().valueSerde().serializer(), PROCESSOR);
    topology.addSink(OUTCOMES_SINK, topics.outcomes().name(), topics.outcomes().keySerde().serializer(),
        topics.outcomes().valueSerde().serializer(), PROCESSOR);
    topology.addSink(DEAD_LETTER_SINK, topics.deadLetter().name(), Serdes.ByteArray().serializer(),
        Serdes.ByteArray().serializer(), PROCESSOR);
    return topology;
  }
}
