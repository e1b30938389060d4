package dev.koers.testkit.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;

/**
 * Values at and just beyond each bound, and odd but allowed unicode: the generator puts them into otherwise
 * valid submissions. Each value says whether it is within the bounds, and if not which rule it breaks.
 */
final class EdgeValues {

  /** A value and what it must meet. */
  record Edge<T>(T value, Expected expected) {
    static <T> Edge<T> within(T value) {
      return new Edge<>(value, Expected.WITHIN_BOUNDS);
    }

    static <T> Edge<T> beyond(T value, String rule) {
      return new Edge<>(value, Expected.rejectedBy(rule));
    }
  }

  /** Allowed everywhere: other planes, combining marks, joiners, right-to-left letters, a noncharacter. */
  private static final List<String> ODD = List.of("é", "ß", "中文", "😀", "👩‍👩‍👧", "e\u0301", "\u200B", "\u200D",
      "עברית", "العربية", "\uFFFD", "\uFFFF", "\"", "\\", ",", ";", "<script>", "%s", "'");
  /** Refused in every single-line field (and, but for bidi ones, in free text). */
  private static final List<String> NOT_IN_LINE = List.of("\u0000", "\u001B[2J", "\r\n", "\n", "\t", "\u007F",
      "\u0085", "\u009B", "\u202A", "\u202E", "\u2066", "\u2069", "\uD800", "\uDFFF");
  /** Refused in free text too. */
  private static final List<String> NOT_IN_TEXT = List.of("\u0000", "\u001B[31m", "\r", "\u0007", "\u007F",
      "\u0085", "\u009B", "\uDBFF", "\uDC00");
  /** Allowed in free text, refused in a line. */
  private static final List<String> ONLY_IN_TEXT = List.of("\n", "\r\n", "\t", "\u202B", "\u2067\u2069");

  private final Random random;
  private final Bounds bounds;

  EdgeValues(Random random, Bounds bounds) {
    this.random = random;
    this.bounds = bounds;
  }

  Edge<String> name(String usual, boolean allowBeyond) {
    return line(usual, bounds.nameMax(), Expected.TEXT_TOO_LONG, allowBeyond);
  }

  /** Always starting with the usual id, so that no two submissions share one (the ledger answers a repeat). */
  Edge<String> submissionId(String usual, boolean allowBeyond) {
    int roll = random.nextInt(allowBeyond ? 4 : 2);
    return switch (roll) {
      case 0 -> Edge.within(repeat(usual + pick(ODD), bounds.submissionIdMax()));
      case 1 -> Edge.within(usual + pick(ODD));
      case 2 -> Edge.beyond(repeat(usual + pick(ODD), bounds.submissionIdMax() + 1), Expected.TEXT_TOO_LONG);
      default -> Edge.beyond(usual + pick(NOT_IN_LINE), Expected.CHARACTER_NOT_ALLOWED);
    };
  }

  Edge<String> title(String usual, boolean allowBeyond) {
    if (allowBeyond && random.nextInt(5) == 0) {
      return Edge.beyond(random.nextBoolean() ? " \t " : "", Expected.TITLE_LENGTH);
    }
    return switch (random.nextInt(3)) {
      case 0 -> Edge.within("  " + usual + "\n");
      default -> line(usual, bounds.titleMax(), Expected.TITLE_LENGTH, allowBeyond);
    };
  }

  Edge<String> text(String usual, boolean allowBeyond) {
    int roll = random.nextInt(allowBeyond ? 6 : 4);
    return switch (roll) {
      case 0 -> Edge.within(repeat(pick(ODD) + "x", bounds.textMax()));
      case 1 -> Edge.within(usual + pick(ONLY_IN_TEXT) + pick(ODD) + pick(ONLY_IN_TEXT) + usual);
      case 2 -> Edge.within(usual + pick(ODD));
      case 3 -> Edge.within(repeat("😀", bounds.textMax()));
      case 4 -> Edge.beyond(repeat(pick(ODD) + "y", bounds.textMax() + 1), Expected.TEXT_TOO_LONG);
      default -> Edge.beyond(usual + pick(NOT_IN_TEXT) + usual, Expected.CHARACTER_NOT_ALLOWED);
    };
  }

  Edge<String> decisionId(String usual, boolean allowBeyond) {
    int roll = random.nextInt(allowBeyond ? 6 : 3);
    return switch (roll) {
      case 0 -> Edge.within(usual + "." + "d".repeat(Math.max(0, bounds.decisionIdMax() - usual.length() - 1)));
      case 1 -> Edge.within("..." + usual);
      case 2 -> Edge.within(usual + "_-.");
      case 3 -> Edge.beyond(random.nextBoolean() ? "." : "..", Expected.DECISION_ID_INVALID);
      case 4 -> Edge.beyond(usual + "x".repeat(bounds.decisionIdMax()), Expected.DECISION_ID_INVALID);
      default -> Edge.beyond(usual + pick(NOT_IN_LINE), Expected.DECISION_ID_INVALID);
    };
  }

  Edge<Integer> rating(boolean allowBeyond) {
    if (allowBeyond && random.nextInt(3) == 0) {
      int[] beyond = {bounds.ratingMin() - 1, bounds.ratingMax() + 1, Integer.MIN_VALUE, Integer.MAX_VALUE, -1};
      return Edge.beyond(beyond[random.nextInt(beyond.length)], Expected.RATING_OUT_OF_RANGE);
    }
    return Edge.within(random.nextBoolean() ? bounds.ratingMin() : bounds.ratingMax());
  }

  /** An opening's occurredAt: the earliest instant, or just or far before it. */
  Edge<Instant> openedAt(Instant usual, boolean allowBeyond) {
    if (allowBeyond && random.nextBoolean()) {
      return Edge.beyond(tooEarly(), Expected.INSTANT_OUT_OF_RANGE);
    }
    return Edge.within(random.nextBoolean() ? bounds.earliest() : bounds.earliest().plusMillis(1));
  }

  /** Any other occurredAt: only beyond (an earlier one would precede the opening, a later one be in the future). */
  Instant occurredBeyond() {
    return random.nextBoolean() ? tooEarly() : tooLate();
  }

  /** A due date at the latest instant, or just or far beyond it. */
  Edge<Instant> dueBy(boolean allowBeyond) {
    if (allowBeyond && random.nextBoolean()) {
      return Edge.beyond(tooLate(), Expected.INSTANT_OUT_OF_RANGE);
    }
    return Edge.within(random.nextBoolean() ? bounds.latest() : bounds.latest().minusMillis(1));
  }

  /** Year 0 in UTC (the case), just before the earliest instant, or the smallest timestamp-millis. */
  private Instant tooEarly() {
    return switch (random.nextInt(3)) {
      case 0 -> OffsetDateTime.parse("0001-01-01T00:00:00+01:00").toInstant();
      case 1 -> bounds.earliest().minusMillis(1);
      default -> Instant.ofEpochMilli(Long.MIN_VALUE);
    };
  }

  private Instant tooLate() {
    return switch (random.nextInt(3)) {
      case 0 -> OffsetDateTime.parse("+999999-01-01T00:00:00Z").toInstant();
      case 1 -> bounds.latest().plusMillis(1);
      default -> Instant.ofEpochMilli(Long.MAX_VALUE);
    };
  }

  private Edge<String> line(String usual, int max, String tooLong, boolean allowBeyond) {
    int roll = random.nextInt(allowBeyond ? 5 : 3);
    // No spaces in a repeated unit: a title is measured trimmed, and a space at its end would not count.
    String unit = usual.replace(' ', '_') + pick(ODD);
    return switch (roll) {
      case 0 -> Edge.within(repeat(unit, max));
      case 1 -> Edge.within(usual + pick(ODD));
      case 2 -> Edge.within(repeat("😀", max));
      case 3 -> Edge.beyond(repeat(unit, max + 1), tooLong);
      default -> Edge.beyond(usual + pick(NOT_IN_LINE) + usual, Expected.CHARACTER_NOT_ALLOWED);
    };
  }

  /** Exactly {@code codePoints} characters (code points), cycling through {@code unit}'s. */
  private static String repeat(String unit, int codePoints) {
    int[] points = unit.codePoints().toArray();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      text.appendCodePoint(points[i % points.length]);
    }
    return text.toString();
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
