package dev.koers.domain;

import java.util.Optional;

/**
 * Which characters a field may hold. Nothing may hold an unpaired surrogate (UTF-8, and so Avro, cannot carry
 * one: the log would hold '?' where the ledger saw another character). A single-line field (an id, a name, a
 * title) holds no control character and no bidi embedding, override or isolate (U+202A..U+202E,
 * U+2066..U+2069), which would make it print as something else; free text keeps tabs and line breaks (LF,
 * CRLF) and refuses every other control character.
 */
final class Characters {

  private Characters() {}

  /** What the first forbidden character is and where, such as "U+001B (a control character) at character 3". */
  static Optional<String> forbiddenInLine(String value) {
    return firstForbidden(value, false);
  }

  static Optional<String> forbiddenInText(String value) {
    return firstForbidden(value, true);
  }

  private static Optional<String> firstForbidden(String value, boolean text) {
    int position = 0;
    for (int i = 0; i < value.length(); ) {
      position++;
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return found(c, "an unpaired surrogate", position);
        }
        i += 2;
        continue;
      }
      if (Character.getType(c) == Character.CONTROL && !(text && allowedInText(value, i))) {
        return found(c, "a control character", position);
      }
      if (!text && isBidiControl(c)) {
        return found(c, "a bidi embedding, override or isolate", position);
      }
      i++;
    }
    return Optional.empty();
  }

  private static boolean allowedInText(String value, int i) {
    char c = value.charAt(i);
    return c == '\t' || c == '\n' || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n');
  }

  static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  private static Optional<String> found(char c, String what, int position) {
    return Optional.of(String.format("U+%04X (%s) at character %d", (int) c, what, position));
  }
}
