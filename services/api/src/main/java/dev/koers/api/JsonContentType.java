package dev.koers.api;

import java.util.Locale;

/**
 * A command's body must say it is JSON: {@code application/json}, with at most a {@code charset=utf-8}
 * parameter. Anything else is 415 naming the header, so a form post or a text body is never read as JSON.
 */
final class JsonContentType {

  private JsonContentType() {}

  static void require(String header) {
    if (header == null || header.isBlank()) {
      throw refused("a JSON body needs 'Content-Type: application/json'; the request has no Content-Type");
    }
    String[] parts = header.split(";");
    if (!parts[0].strip().equalsIgnoreCase("application/json")) {
      throw refused("a JSON body needs 'Content-Type: application/json', not '" + header.strip() + "'");
    }
    for (int i = 1; i < parts.length; i++) {
      if (!isUtf8Charset(parts[i])) {
        throw refused("'Content-Type: application/json' takes only the parameter charset=utf-8, not '"
            + parts[i].strip() + "'");
      }
    }
  }

  private static boolean isUtf8Charset(String parameter) {
    String[] nameAndValue = parameter.split("=", 2);
    if (nameAndValue.length != 2 || !nameAndValue[0].strip().equalsIgnoreCase("charset")) {
      return false;
    }
    String value = nameAndValue[1].strip().toLowerCase(Locale.ROOT);
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value.equals("utf-8");
  }

  private static ProblemException refused(String detail) {
    return new ProblemException(Problem.unsupportedMediaType(detail));
  }
}
