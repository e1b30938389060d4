package dev.koers.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every piece of a replay names its ISO week, so {@link IsoWeek} writes and reads weeks by hand: exactly as
 * {@code String.format("%04d-W%02d")} and the pattern {@code (\d{4})-W(\d{2})} did.
 */
class IsoWeekByHandTest {

  @Test
  void weeks_are_written_and_read_as_with_format_and_pattern() {
    for (int year = 1; year <= 9999; year++) {
      for (int week : List.of(1, 2, 9, 10, 11, 52, 53)) {
        if (week == 53 && !IsoWeek.valid(String.format("%04d-W53", year))) {
          continue;
        }
        IsoWeek isoWeek = new IsoWeek(year, week);
        assertThat(isoWeek.toString()).isEqualTo(String.format("%04d-W%02d", year, week));
        assertThat(IsoWeek.parse(isoWeek.toString())).isEqualTo(isoWeek);
      }
    }
    for (String malformed : List.of("", "2026-W1", "2026-W001", "226-W01", "2026W01", "2026-w01", "2026_W01",
        "2026-W0a", "+026-W01", "-026-W01", "２０２６-W01", "2026-W01 ", " 2026-W01", "2026-01")) {
      assertThat(IsoWeek.valid(malformed)).as(malformed).isFalse();
      assertThatThrownBy(() -> IsoWeek.parse(malformed)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("an ISO week is written like 2026-W48, not '" + malformed + "'");
    }
    for (String missing : List.of("0000-W01", "2026-W00", "2026-W54", "2025-W53")) {
      assertThat(IsoWeek.valid(missing)).as(missing).isFalse();
    }
  }
}
