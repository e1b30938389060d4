package dev.koers.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations the way people write them (500ms, 30s, 15m, 8h, 7d) as well as ISO-8601 (PT8H). */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|[smhd])");

  private Durations() {}

  public static Duration parse(String text) {
    Matcher m = SHORT.matcher(text.strip());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration; write 500ms, 30s, 15m, 8h, 7d or PT8H");
    }
  }
}
