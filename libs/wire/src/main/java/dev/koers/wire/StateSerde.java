package dev.koers.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Internal state (stores, their changelogs, repartition topics): Smile, Jackson's binary form of JSON, with the
 * same mapping as {@link KoersJson}, so the value types need nothing of their own. Binary for a third of an
 * aggregate's bytes in the stores, changelogs and repartition topic, and somewhat less CPU (docs/benchmarks.md);
 * still Jackson, so a value read by an older or newer version keeps the JSON rules (unknown fields ignored).
 * Reads JSON too: stores and changelogs written before this format change stay readable, and each value becomes
 * Smile when next written.
 */
public final class StateSerde<T> implements Serde<T> {

  /** Every Smile document starts with ":)\n"; a JSON document never does. */
  private static final byte[] SMILE_HEADER = {':', ')', '\n'};

  private final Class<T> type;
  private final ObjectWriter writer;
  private final ObjectReader smileReader;
  private final ObjectReader jsonReader;

  private StateSerde(Class<T> type) {
    this.type = type;
    ObjectMapper smile = KoersJson.configure(new ObjectMapper(new SmileFactory()))
        .registerModule(new BlackbirdModule());
    this.writer = smile.writerFor(type);
    this.smileReader = smile.readerFor(type);
    this.jsonReader = KoersJson.mapper().registerModule(new BlackbirdModule()).readerFor(type);
  }

  public static <T> StateSerde<T> of(Class<T> type) {
    return new StateSerde<>(type);
  }

  /** Whether these bytes are a Smile document rather than the JSON of an earlier version. */
  static boolean smile(byte[] bytes) {
    return bytes.length >= SMILE_HEADER.length && bytes[0] == SMILE_HEADER[0] && bytes[1] == SMILE_HEADER[1]
        && bytes[2] == SMILE_HEADER[2];
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return writer.writeValueAsBytes(value);
      } catch (IOException e) {
        throw new SerializationException("cannot write " + type.getSimpleName() + " as state", e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return (smile(bytes) ? smileReader : jsonReader).readValue(bytes);
      } catch (IOException e) {
        throw new SerializationException("cannot read " + type.getSimpleName() + " from state", e);
      }
    };
  }
}
