package dev.koers.views;

import dev.koers.wire.StateSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

/** The quarantine's two stores: one entry per quarantined decision, and the records it held back. */
public final class QuarantineStores {

  public static final String ENTRIES = "views-quarantine";
  public static final String HELD = "views-quarantine-held";

  private QuarantineStores() {}

  static void addTo(StreamsBuilder builder) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENTRIES),
        Serdes.String(), StateSerde.of(QuarantineEntry.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HELD),
        Serdes.String(), StateSerde.of(HeldEvent.class)));
  }

  /** Held records sort by offset under their decision, so one prefix scan reads them in log order. */
  static String heldKey(String decisionId, long offset) {
    return heldPrefix(decisionId) + String.format("%020d", offset);
  }

  static String heldPrefix(String decisionId) {
    return decisionId + "/";
  }

  static boolean heldBy(String heldKey, String decisionId) {
    return heldKey.substring(0, heldKey.lastIndexOf('/')).equals(decisionId);
  }
}
