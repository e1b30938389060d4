package dev.koers.audit.export;

import dev.koers.schema.DecisionEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * The columns of an export, taken from the event schema so that a field added by a schema release becomes a
 * column by itself: the envelope, then every field of every event kind (a name shared by kinds is one
 * column), then the hashes and where the record sits.
 */
public final class ExportColumns {

  static final List<String> LEADING = List.of("decisionId", "sequence", "kind", "occurredAt", "recordedAt",
      "actorId", "actorRole", "eventId", "submissionId");
  static final List<String> TRAILING = List.of("previousHash", "hash", "hashMatches", "partition", "offset");

  private ExportColumns() {}

  public static List<String> all() {
    List<String> columns = new ArrayList<>(LEADING);
    columns.addAll(payloadFields());
    columns.addAll(TRAILING);
    return List.copyOf(columns);
  }

  /** Every event kind's field names, in schema order, each once. */
  public static List<String> payloadFields() {
    Set<String> names = new LinkedHashSet<>();
    for (Schema kind : DecisionEvent.getClassSchema().getField("payload").schema().getTypes()) {
      kind.getFields().forEach(f -> names.add(f.name()));
    }
    return List.copyOf(names);
  }
}
