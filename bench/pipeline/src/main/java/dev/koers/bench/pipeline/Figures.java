package dev.koers.bench.pipeline;

import java.time.Duration;
import java.util.Locale;

/** How the report writes numbers: rates with thousands separators, times in ms, ratios with two decimals. */
public final class Figures {

  private Figures() {}

  public static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  public static String ms(double millis) {
    return String.format(Locale.ROOT, "%,.1f", millis);
  }

  public static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
  }

  public static String ratio(double ratio) {
    return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio) : "-";
  }

  public static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MB", bytes / 1048576.0);
  }
}
