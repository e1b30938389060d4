package dev.koers.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON request body field by field; every mistake becomes a 400 that names the field. A field given
 * twice is a mistake too: which of the two counts would be a guess.
 */
final class JsonBody {

  private final JsonNode root;
  private final String path;

  private JsonBody(JsonNode root, String path) {
    this.root = root;
    this.path = path;
  }

  static JsonBody parse(ObjectMapper mapper, String body, Set<String> knownFields) {
    if (body == null || body.isBlank()) {
      throw bad(null, "the request body is empty; send a JSON object");
    }
    JsonNode root;
    try {
      root = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(body);
    } catch (JsonProcessingException e) {
      String duplicate = duplicateField(e);
      if (duplicate != null) {
        throw bad(duplicate, "'" + duplicate + "' is given more than once; give each field once");
      }
      throw bad(null, "the request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw bad(null, "the request body must be a JSON object");
    }
    return new JsonBody(root, "").onlyKnown(knownFields);
  }

  /** The path of the field a strict parser found twice, such as {@code ratings.clarity}; null for other errors. */
  private static String duplicateField(JsonProcessingException e) {
    if (!(e.getProcessor() instanceof JsonParser parser) || !e.getOriginalMessage().startsWith("Duplicate field")) {
      return null;
    }
    String path = null;
    for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context.getParent()) {
      if (context.inObject() && context.getCurrentName() != null) {
        path = path == null ? context.getCurrentName() : context.getCurrentName() + "." + path;
      }
    }
    return path;
  }

  private JsonBody onlyKnown(Set<String> knownFields) {
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!knownFields.contains(name)) {
        throw bad(path + name, "unknown field '" + path + name + "'; known fields are "
            + knownFields.stream().sorted().toList());
      }
    }
    return this;
  }

  /** A nested object such as {@code ratings}; its fields are named {@code ratings.clarity} in errors. */
  JsonBody optionalObject(String field, Set<String> knownFields) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw bad(path + field, "'" + path + field + "' must be an object");
    }
    return new JsonBody(node, path + field + ".").onlyKnown(knownFields);
  }

  Integer optionalWholeNumber(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw bad(path + field, "'" + path + field + "' must be a whole number");
    }
    return node.intValue();
  }

  <E extends Enum<E>> List<E> requiredEnumList(String field, Class<E> type) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw bad(path + field, "'" + path + field + "' is required");
    }
    if (!node.isArray()) {
      throw bad(path + field, "'" + path + field + "' must be an array of " + Arrays.toString(type.getEnumConstants()));
    }
    List<E> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw bad(path + field, "'" + path + field + "' must hold strings");
      }
      values.add(enumValue(field, type, item.asText()));
    }
    return values;
  }

  String requiredText(String field) {
    String value = optionalText(field);
    if (value == null) {
      throw bad(path + field, "'" + path + field + "' is required");
    }
    return value;
  }

  String optionalText(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw bad(path + field, "'" + path + field + "' must be a string");
    }
    return node.asText();
  }

  boolean optionalBoolean(String field, boolean fallback) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw bad(path + field, "'" + path + field + "' must be true or false");
    }
    return node.booleanValue();
  }

  <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
    return enumValue(field, type, requiredText(field));
  }

  private <E extends Enum<E>> E enumValue(String field, Class<E> type, String text) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw bad(path + field, "'" + path + field + "' must be one of " + Arrays.toString(type.getEnumConstants())
          + ", not '" + text + "'");
    }
  }

  /** Instants are ISO-8601 with an offset, such as 2026-11-27T09:30:00+01:00. */
  Instant optionalInstant(String field) {
    String text = optionalText(field);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw bad(path + field, "'" + path + field + "' must be an ISO-8601 instant with an offset, such as "
          + "2026-11-27T09:30:00+01:00, not '" + text + "'");
    }
  }

  static ProblemException bad(String field, String detail) {
    return new ProblemException(Problem.badRequest(field, detail));
  }
}
