package dev.koers.audit.decode;

import dev.koers.schema.DecisionEvent;
import dev.koers.wire.SchemaHistory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The schemas a log event may have been written with, by fingerprint: every released {@code DecisionEvent}
 * schema (schemas/history) and the current one. The fingerprint is CRC-64-AVRO of the Parsing Canonical Form,
 * as in the single-object header.
 */
public final class WriterSchemas {

  private final Map<Long, Schema> byFingerprint = new HashMap<>();

  private WriterSchemas() {}

  public static WriterSchemas ofDecisionEvents() {
    WriterSchemas schemas = new WriterSchemas();
    String name = DecisionEvent.getClassSchema().getFullName();
    SchemaHistory.releasedSchemas().stream().filter(s -> s.getFullName().equals(name)).forEach(schemas::add);
    schemas.add(DecisionEvent.getClassSchema());
    return schemas;
  }

  private void add(Schema schema) {
    byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema);
  }

  public Optional<Schema> find(long fingerprint) {
    return Optional.ofNullable(byFingerprint.get(fingerprint));
  }

  public Map<Long, Schema> all() {
    return Map.copyOf(byFingerprint);
  }
}
