package dev.koers.audit.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/** Redraws one progress line on a terminal, at most a few times a second, and ends it with a newline. */
public final class TerminalProgress implements Progress {

  private static final long REDRAW_NANOS = Duration.ofMillis(250).toNanos();

  private final PrintStream out;
  private final LongSupplier nanoClock;
  private long startNanos;
  private long lastDrawNanos;
  private long total;
  private long records;
  private long covered;

  public TerminalProgress(PrintStream out, LongSupplier nanoClock) {
    this.out = out;
    this.nanoClock = nanoClock;
  }

  /** Progress on stderr when it is shown on a terminal and not {@code --quiet}; otherwise none. */
  public static Progress forStderr(boolean quiet) {
    return quiet || System.console() == null ? Progress.NONE : new TerminalProgress(System.err, System::nanoTime);
  }

  @Override
  public void start(long totalOffsets) {
    total = totalOffsets;
    startNanos = nanoClock.getAsLong();
    lastDrawNanos = startNanos;
  }

  @Override
  public void update(long recordsSoFar, long offsetsCovered) {
    records = recordsSoFar;
    covered = offsetsCovered;
    long now = nanoClock.getAsLong();
    if (now - lastDrawNanos >= REDRAW_NANOS) {
      lastDrawNanos = now;
      draw(now);
    }
  }

  @Override
  public void close() {
    draw(nanoClock.getAsLong());
    out.print('\n');
    out.flush();
  }

  private void draw(long now) {
    out.print("\r" + ProgressLine.of(records, covered, total, Duration.ofNanos(now - startNanos)) + "\u001b[K");
    out.flush();
  }
}
