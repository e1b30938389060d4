package dev.koers.audit.export;

import dev.koers.audit.decode.LoggedEvent;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns an event into one flat row: every column of {@link ExportColumns} present, null where the event's kind
 * has no such field. Instants are ISO-8601 UTC, enums their names, hashes lowercase hex, lists lists of names.
 */
public final class RowFlattener {

  private final List<String> columns = ExportColumns.all();

  public List<String> columns() {
    return columns;
  }

  public Map<String, Object> row(LoggedEvent logged) {
    DecisionEvent event = logged.event();
    Map<String, Object> row = new LinkedHashMap<>();
    columns.forEach(c -> row.put(c, null));
    row.put("decisionId", event.getDecisionId());
    row.put("sequence", event.getSequence());
    row.put("occurredAt", plain(event.getOccurredAt()));
    row.put("recordedAt", plain(event.getRecordedAt()));
    row.put("actorId", event.getActor().getId());
    row.put("actorRole", plain(event.getActor().getRole()));
    row.put("eventId", event.getEventId());
    row.put("submissionId", event.getSubmissionId());
    if (event.getPayload() instanceof SpecificRecord payload) {
      row.put("kind", payload.getSchema().getName());
      for (Schema.Field field : payload.getSchema().getFields()) {
        row.put(field.name(), plain(payload.get(field.pos())));
      }
    }
    row.put("previousHash", HashChain.hex(event.getPreviousHash()));
    row.put("hash", HashChain.hex(event.getHash()));
    row.put("hashMatches", logged.hashMatches());
    row.put("partition", logged.position().partition());
    row.put("offset", logged.position().offset());
    return row;
  }

  private static Object plain(Object value) {
    if (value instanceof Instant instant) {
      return instant.toString();
    } else if (value instanceof Enum<?> e) {
      return e.name();
    } else if (value instanceof CharSequence text) {
      return text.toString();
    } else if (value instanceof List<?> list) {
      List<Object> names = new ArrayList<>(list.size());
      list.forEach(v -> names.add(plain(v)));
      return names;
    }
    return value;
  }
}
