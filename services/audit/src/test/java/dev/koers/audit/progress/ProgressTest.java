package dev.koers.audit.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the progress line says, and how often a terminal sees it, on a clock the test moves. */
class ProgressTest {

  @Test
  void aLineSaysRecordsRatePercentOfEndOffsetsAndTimeLeft() {
    assertThat(ProgressLine.of(50_000, 60_000, 240_000, Duration.ofSeconds(10)))
        .isEqualTo("50,000 records  5,000 records/s   25.0% of end offsets  ETA 0:30");
  }

  @Test
  void beforeAnythingIsCoveredTheTimeLeftIsUnknown() {
    assertThat(ProgressLine.of(0, 0, 100, Duration.ZERO)).endsWith("ETA --:--");
  }

  @Test
  void anEmptyLogIsDone() {
    assertThat(ProgressLine.of(0, 0, 0, Duration.ofSeconds(1))).contains("100.0% of end offsets");
  }

  @Test
  void longRunsShowHours() {
    assertThat(ProgressLine.of(1, 1, 7201, Duration.ofSeconds(1))).endsWith("ETA 2:00:00");
  }

  @Test
  void aTerminalIsRedrawnAtMostFourTimesASecondAndTheLineEndsOnClose() {
    AtomicLong nanos = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), nanos::get);

    progress.start(100);
    progress.update(10, 10);
    nanos.addAndGet(Duration.ofMillis(100).toNanos());
    progress.update(20, 20);
    nanos.addAndGet(Duration.ofMillis(200).toNanos());
    progress.update(30, 30);
    progress.close();

    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertThat(shown.split("\r", -1)).hasSize(3);
    assertThat(shown).contains("30 records").contains("30.0% of end offsets").endsWith("\n");
  }

  @Test
  void quietMeansNothingShown() {
    assertThat(TerminalProgress.forStderr(true)).isSameAs(Progress.NONE);
  }
}
