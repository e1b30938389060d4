package dev.koers.domain.metrics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Objects;

/**
 * An ISO-8601 week, written {@code 2026-W48}: weeks start on Monday and belong to the week-based year of
 * their Thursday, so 2027-01-01 is in 2026-W53 and 2025-12-29 in 2026-W01. Weeks are calendar keys of
 * {@code occurredAt} in UTC, never Kafka time windows.
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

  public IsoWeek {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("an ISO week's year must be 1..9999, was " + year);
    }
    if (week < 1 || week > 53 || (week == 53 && weeksIn(year) < 53)) {
      throw new IllegalArgumentException("week-based year " + year + " has weeks 1.." + weeksIn(year) + ", not " + week);
    }
  }

  /** The week of an instant's UTC date: the log keeps no time zone, so UTC is the only one every reader shares. */
  public static IsoWeek of(Instant instant) {
    return of(instant.atOffset(ZoneOffset.UTC).toLocalDate());
  }

  public static IsoWeek of(LocalDate date) {
    return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** @throws IllegalArgumentException unless the text is like {@code 2026-W48} and names a week that exists */
  public static IsoWeek parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!wellFormed(text)) {
      throw new IllegalArgumentException("an ISO week is written like 2026-W48, not '" + text + "'");
    }
    return new IsoWeek(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 6, 8, 10));
  }

  /** Four ASCII digits, "-W", two ASCII digits; checked by hand, as every aggregate key's window is. */
  private static boolean wellFormed(String text) {
    return text.length() == 8 && digits(text, 0, 4) && text.charAt(4) == '-' && text.charAt(5) == 'W'
        && digits(text, 6, 8);
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether the text is a well-formed week that exists. */
  public static boolean valid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year. */
  private static long weeksIn(int year) {
    return IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(LocalDate.of(year, 1, 4)).getMaximum();
  }

  /** Jan 4th is always in week 1 of its own week-based year, so it anchors the arithmetic. */
  public LocalDate monday() {
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(ChronoField.DAY_OF_WEEK, DayOfWeek.MONDAY.getValue());
  }

  /** Weeks since 1970-W02 (the first whole week of the epoch): consecutive weeks differ by one, across years too. */
  public long ordinal() {
    return Math.floorDiv(monday().toEpochDay() - 4, 7);
  }

  public IsoWeek next() {
    return of(monday().plusWeeks(1));
  }

  @Override
  public int compareTo(IsoWeek other) {
    return Long.compare(ordinal(), other.ordinal());
  }

  /** {@code %04d-W%02d}, by hand: every piece of every replayed decision names its week, and String.format is slow. */
  @Override
  public String toString() {
    return new String(new char[] {digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), '-', 'W',
        digit(week / 10), digit(week)});
  }

  private static char digit(int value) {
    return (char) ('0' + value % 10);
  }
}
