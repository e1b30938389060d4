package dev.koers.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/** The released writer schemas shipped in the schemas jar, listed in koers/schemas/history/INDEX. */
public final class SchemaHistory {

  private static final String ROOT = "koers/schemas/history/";

  private SchemaHistory() {}

  /** A fresh store holding every released schema; readers fall back to it for unknown fingerprints. */
  public static SchemaStore.Cache released() {
    SchemaStore.Cache store = new SchemaStore.Cache();
    releasedSchemas().forEach(store::addSchema);
    return store;
  }

  public static List<Schema> releasedSchemas() {
    List<Schema> schemas = new ArrayList<>();
    for (String path : index()) {
      try (InputStream in = resource(ROOT + path)) {
        schemas.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read released schema " + path, e);
      }
    }
    return schemas;
  }

  /** Paths relative to the history root, such as {@code 0.1.0/DecisionEvent.avsc}. */
  public static List<String> index() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(resource(ROOT + "INDEX"), StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema history index", e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing resource " + path + " (is koers-schemas on the classpath?)");
    }
    return in;
  }
}
