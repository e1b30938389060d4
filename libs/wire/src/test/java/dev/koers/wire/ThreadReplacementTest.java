package dev.koers.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** A stream thread that keeps failing is replaced a few times, then the instance stops instead of looping. */
class ThreadReplacementTest {

  private static final Instant T0 = Instant.parse("2026-12-06T04:00:00Z");

  private Instant now = T0;
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final ThreadReplacement policy = new ThreadReplacement("views", 3, Duration.ofMinutes(10), clock);

  @Test
  void theFourthFailureWithinTheWindowStopsTheInstanceAndNamesTheCause() {
    StreamsException poison = new StreamsException("task 0_1 failed",
        new IllegalArgumentException("an ISO week's year must be 1..9999, was 0"));
    for (int i = 0; i < 3; i++) {
      assertThat(policy.handle(poison)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
    assertThat(policy.handle(poison)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    assertThat(policy.lastFailure()).hasValueSatisfying(f -> assertThat(f).contains("StreamsException",
        "IllegalArgumentException", "was 0"));
  }

  @Test
  void failuresFarApartAreEachReplaced() {
    for (int i = 0; i < 10; i++) {
      assertThat(policy.handle(new IllegalStateException("rare")))
          .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
      now = now.plus(Duration.ofMinutes(4));
    }
    assertThat(new ThreadReplacement("ledger", 3, Duration.ofMinutes(10), clock).lastFailure()).isEmpty();
  }
}
