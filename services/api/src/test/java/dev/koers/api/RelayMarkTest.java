package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("attack")
class RelayMarkTest {

  private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");
  private static final byte[] KEY = "relay-mark-test-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8);

  private final RelayMark mark = RelayMark.of(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aMarkChecksForTheRequestItWasMadeForAndNoOther() {
    String made = mark.make("/api/v1/decisions/d-1");
    assertThat(mark.relayed(made, "/api/v1/decisions/d-1")).isTrue();
    assertThat(mark.relayed(null, "/api/v1/decisions/d-1")).isFalse();
    assertThatThrownBy(() -> mark.relayed(made, "/api/v1/decisions/d-2")).isInstanceOf(ProblemException.class);
  }

  @Test
  void aStaleMarkOrOneFromAnotherInstallationIsRefused() {
    String stale = RelayMark.of(KEY, Clock.fixed(NOW.minusSeconds(31), ZoneOffset.UTC)).make("/p");
    assertThatThrownBy(() -> mark.relayed(stale, "/p")).isInstanceOf(ProblemException.class);
    String foreign = RelayMark.of("another-installation-key-32-byte".getBytes(StandardCharsets.UTF_8),
        Clock.fixed(NOW, ZoneOffset.UTC)).make("/p");
    assertThatThrownBy(() -> mark.relayed(foreign, "/p")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> RelayMark.of(null, Clock.systemUTC()).relayed(mark.make("/p"), "/p"))
        .isInstanceOf(ProblemException.class);
  }
}
