package dev.koers.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class InstantConverterTest {

  private final InstantConverter converter = new InstantConverter();

  @Test
  void utc() {
    assertThat(converter.convert("2026-03-02T10:00:00Z")).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
  }

  @Test
  void anyOffset() {
    assertThat(converter.convert("2026-03-02T11:00:00.250+01:00")).isEqualTo(Instant.parse("2026-03-02T10:00:00.250Z"));
  }

  @Test
  void aDateIsItsUtcMidnight() {
    assertThat(converter.convert("2026-03-02")).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
  }

  @Test
  void anythingElseSaysWhatItExpects() {
    assertThatThrownBy(() -> converter.convert("yesterday")).isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("2026-03-02T10:00:00Z");
  }
}
