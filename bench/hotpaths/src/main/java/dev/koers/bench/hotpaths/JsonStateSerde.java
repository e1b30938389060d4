package dev.koers.bench.hotpaths;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.wire.KoersJson;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The stores' format before {@code StateSerde}: JSON, kept here only as the benchmarks' "before". */
final class JsonStateSerde<T> implements Serde<T> {

  private final Class<T> type;
  private final ObjectMapper mapper;

  private JsonStateSerde(Class<T> type, ObjectMapper mapper) {
    this.type = type;
    this.mapper = mapper;
  }

  static <T> JsonStateSerde<T> of(Class<T> type) {
    return new JsonStateSerde<>(type, KoersJson.mapper());
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return mapper.writeValueAsBytes(value);
      } catch (IOException e) {
        throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON", e);
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
        return mapper.readValue(bytes, type);
      } catch (IOException e) {
        throw new SerializationException("cannot read " + type.getSimpleName() + " from JSON", e);
      }
    };
  }
}
