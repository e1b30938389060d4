package dev.koers.api;

import io.javalin.http.Context;
import java.util.OptionalLong;

/**
 * The sequence a reader asks to see at least ({@code ?minSequence=} or the {@code X-Koers-Min-Sequence} header):
 * the one a command's answer carried, so that a query right after it reads its own write.
 */
final class MinSequence {

  static final String PARAMETER = "minSequence";
  static final String HEADER = "X-Koers-Min-Sequence";

  private MinSequence() {}

  /** Empty when neither is given; the larger of the two when both are. */
  static OptionalLong of(Context ctx) {
    OptionalLong query = parse(PARAMETER, ctx.queryParam(PARAMETER));
    OptionalLong header = parse(HEADER, ctx.header(HEADER));
    if (query.isEmpty()) {
      return header;
    }
    return header.isEmpty() ? query : OptionalLong.of(Math.max(query.getAsLong(), header.getAsLong()));
  }

  static OptionalLong parse(String name, String text) {
    if (text == null) {
      return OptionalLong.empty();
    }
    try {
      long value = Long.parseLong(text);
      if (value >= 0) {
        return OptionalLong.of(value);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw JsonBody.bad(name, "'" + name + "' must be a whole number from 0 to " + Long.MAX_VALUE
        + " (the sequence a command answered), not '" + abbreviated(text) + "'");
  }

  /** A hostile value is not echoed whole. */
  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
