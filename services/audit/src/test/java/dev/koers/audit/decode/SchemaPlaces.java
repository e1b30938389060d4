package dev.koers.audit.decode;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * The places of a schema a test may need to cover or watch: each union branch and enum symbol, and each
 * logical type, named by where it is, such as {@code .payload(PerspectiveHeard).depth = DIALOGUE}.
 */
final class SchemaPlaces {

  private final Set<String> places = new HashSet<>();

  /** Adds the union branches and enum symbols a datum of the schema takes. */
  void add(Schema schema, Object datum) {
    add(schema, datum, "");
  }

  Set<String> places() {
    return places;
  }

  /** Every union branch and enum symbol the schema has. */
  static Set<String> all(Schema schema) {
    Set<String> all = new HashSet<>();
    all(schema, "", all);
    return all;
  }

  /** Where the schema has logical types, and which. */
  static Set<String> logicalTypes(Schema schema) {
    Set<String> found = new TreeSet<>();
    logicalTypes(schema, "", found);
    return found;
  }

  private void add(Schema schema, Object datum, String where) {
    switch (schema.getType()) {
      case RECORD -> schema.getFields()
          .forEach(f -> add(f.schema(), ((IndexedRecord) datum).get(f.pos()), where + "." + f.name()));
      case UNION -> {
        Schema branch = schema.getTypes().get(SpecificData.get().resolveUnion(schema, datum));
        places.add(branch(where, branch));
        add(branch, datum, branch(where, branch));
      }
      case ARRAY -> ((Collection<?>) datum).forEach(item -> add(schema.getElementType(), item, where + "[]"));
      case ENUM -> places.add(where + " = " + datum);
      default -> { }
    }
  }

  private static void all(Schema schema, String where, Set<String> all) {
    switch (schema.getType()) {
      case RECORD -> schema.getFields().forEach(f -> all(f.schema(), where + "." + f.name(), all));
      case UNION -> schema.getTypes().forEach(branch -> {
        all.add(branch(where, branch));
        all(branch, branch(where, branch), all);
      });
      case ARRAY -> all(schema.getElementType(), where + "[]", all);
      case ENUM -> schema.getEnumSymbols().forEach(symbol -> all.add(where + " = " + symbol));
      default -> { }
    }
  }

  private static void logicalTypes(Schema schema, String where, Set<String> found) {
    if (schema.getLogicalType() != null) {
      found.add(where + ": " + schema.getLogicalType().getName());
    }
    switch (schema.getType()) {
      case RECORD -> schema.getFields().forEach(f -> logicalTypes(f.schema(), where + "." + f.name(), found));
      case UNION -> schema.getTypes().forEach(branch -> logicalTypes(branch, branch(where, branch), found));
      case ARRAY -> logicalTypes(schema.getElementType(), where + "[]", found);
      default -> { }
    }
  }

  private static String branch(String where, Schema branch) {
    return where + "(" + branch.getName() + ")";
  }
}
