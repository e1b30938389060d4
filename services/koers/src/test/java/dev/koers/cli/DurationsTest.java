package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations as people write them on a command line, and as ISO-8601. */
class DurationsTest {

  @Test
  void shortFormsAndIsoAreRead() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse(" 8h ")).isEqualTo(Duration.ofHours(8));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("PT8H")).isEqualTo(Duration.ofHours(8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "10", "10 s", "1.5h", "10y", "-5s"})
  void anythingElseIsRefusedSayingHowToWriteOne(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write 500ms, 30s");
  }
}
