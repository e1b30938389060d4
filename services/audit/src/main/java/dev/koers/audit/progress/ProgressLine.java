package dev.koers.audit.progress;

import java.time.Duration;
import java.util.Locale;

/** The text of one progress line: records, records/s, percent of the end offsets covered, and the time left. */
public final class ProgressLine {

  private ProgressLine() {}

  /**
   * @param records records read so far
   * @param covered offsets covered so far
   * @param total offsets to cover
   * @param elapsed time since the pass started
   */
  public static String of(long records, long covered, long total, Duration elapsed) {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    long rate = Math.round(records / seconds);
    double share = total == 0 ? 1.0 : Math.min(1.0, (double) covered / total);
    String eta = covered == 0 ? "--:--" : clock(Math.round((total - covered) * seconds / covered));
    return String.format(Locale.ROOT, "%,d records  %,d records/s  %5.1f%% of end offsets  ETA %s",
        records, rate, share * 100, eta);
  }

  private static String clock(long seconds) {
    long s = Math.max(seconds, 0);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
