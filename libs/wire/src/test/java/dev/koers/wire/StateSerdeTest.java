package dev.koers.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateSerdeTest {

  record Inner(long count, List<String> names) {}

  record Value(String text, Instant at, Map<String, Inner> byName, byte[] bytes) {}

  private final StateSerde<Value> serde = StateSerde.of(Value.class);

  private Value value() {
    Map<String, Inner> byName = new LinkedHashMap<>();
    byName.put("a", new Inner(3, List.of("x", "y")));
    byName.put("😀", new Inner(-1, List.of()));
    return new Value("héllo 😀", Instant.parse("0001-01-01T00:00:00.000000001Z"), byName, new byte[] {0, 1, -1});
  }

  private byte[] write(Value value) {
    return serde.serializer().serialize("t", value);
  }

  private Value read(byte[] bytes) {
    return serde.deserializer().deserialize("t", bytes);
  }

  @Test
  void writesSmileThatReadsBackEqual() {
    Value value = value();
    byte[] bytes = write(value);

    assertThat(StateSerde.smile(bytes)).isTrue();
    Value back = read(bytes);
    assertThat(back).usingRecursiveComparison().isEqualTo(value);
  }

  @Test
  void isSmallerThanTheSameValueAsJson() throws Exception {
    Value value = value();

    assertThat(write(value).length).isLessThan(KoersJson.mapper().writeValueAsBytes(value).length);
  }

  @Test
  void readsTheJsonThatEarlierVersionsKept() throws Exception {
    Value value = value();
    byte[] json = KoersJson.mapper().writeValueAsBytes(value);

    assertThat(StateSerde.smile(json)).isFalse();
    assertThat(read(json)).usingRecursiveComparison().isEqualTo(value);
  }

  @Test
  void ignoresFieldsItDoesNotKnowInEitherFormat() throws Exception {
    String json = "{\"text\":\"t\",\"later\":{\"x\":1},\"byName\":{}}";
    byte[] smile = KoersJson.configure(new com.fasterxml.jackson.databind.ObjectMapper(
        new com.fasterxml.jackson.dataformat.smile.SmileFactory())).writeValueAsBytes(
        KoersJson.mapper().readTree(json));

    assertThat(read(json.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("t");
    assertThat(read(smile).text()).isEqualTo("t");
  }

  @Test
  void keepsNullAsNullAndNamesTheTypeWhenBytesAreNotState() {
    assertThat(write(null)).isNull();
    assertThat(read(null)).isNull();
    assertThatThrownBy(() -> read(new byte[] {':', ')', '\n', 0x7f, 0x7f}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("Value");
    assertThatThrownBy(() -> read("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("Value");
  }
}
