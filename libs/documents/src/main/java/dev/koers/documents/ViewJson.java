package dev.koers.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Renders view records as the JSON documents of the HTTP API and the event stream: the field names are the
 * schema's, instants are ISO-8601, enums are their names, absent figures are null.
 */
public final class ViewJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ViewJson() {}

  public static ObjectNode decision(DecisionSummary summary) {
    return (ObjectNode) node(summary);
  }

  /** The metrics document: {@code scope} is {"unit": id} or {"managerId": id}, as api.md names it. */
  public static ObjectNode metrics(MetricsView view) {
    ObjectNode rendered = (ObjectNode) node(view);
    ObjectNode document = JSON.objectNode();
    document.set("scope", JSON.objectNode().put(scopeField(view), view.getScopeId()));
    rendered.remove(java.util.List.of("scopeKind", "scopeId"));
    document.setAll(rendered);
    return document;
  }

  private static String scopeField(MetricsView view) {
    return switch (view.getScopeKind()) {
      case UNIT -> "unit";
      case MANAGER -> "managerId";
    };
  }

  private static JsonNode node(Object value) {
    if (value == null) {
      return JSON.nullNode();
    }
    if (value instanceof IndexedRecord record) {
      ObjectNode object = JSON.objectNode();
      for (Schema.Field field : record.getSchema().getFields()) {
        object.set(field.name(), node(record.get(field.pos())));
      }
      return object;
    }
    if (value instanceof Collection<?> items) {
      ArrayNode array = JSON.arrayNode();
      items.forEach(item -> array.add(node(item)));
      return array;
    }
    if (value instanceof Enum<?> || value instanceof GenericEnumSymbol<?>) {
      return JSON.textNode(value.toString());
    }
    if (value instanceof Instant instant) {
      return JSON.textNode(instant.toString());
    }
    if (value instanceof CharSequence text) {
      return JSON.textNode(text.toString());
    }
    if (value instanceof Long n) {
      return JSON.numberNode(n);
    }
    if (value instanceof Integer n) {
      return JSON.numberNode(n);
    }
    if (value instanceof Double n) {
      return JSON.numberNode(n);
    }
    if (value instanceof Boolean b) {
      return JSON.booleanNode(b);
    }
    if (value instanceof ByteBuffer || value instanceof GenericContainer) {
      throw new IllegalArgumentException("view records carry no bytes or fixed values");
    }
    throw new IllegalArgumentException("cannot render " + value.getClass().getName().toLowerCase(Locale.ROOT));
  }
}
