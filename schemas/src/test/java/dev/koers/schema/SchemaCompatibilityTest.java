package dev.koers.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.junit.jupiter.api.Test;

/**
 * Every topic's current schema must read what every released version wrote (backward) and be readable by
 * every released reader (forward), so neither an old log nor an old consumer breaks.
 */
class SchemaCompatibilityTest {

  private static final Path HISTORY = Path.of("history");
  private static final Map<String, Schema> CURRENT = Map.of(
      "dev.koers.schema.Submission", Submission.getClassSchema(),
      "dev.koers.schema.DecisionEvent", DecisionEvent.getClassSchema(),
      "dev.koers.schema.Outcome", Outcome.getClassSchema(),
      "dev.koers.schema.view.DecisionSummary", dev.koers.schema.view.DecisionSummary.getClassSchema(),
      "dev.koers.schema.view.MetricsView", dev.koers.schema.view.MetricsView.getClassSchema());

  @Test
  void everyTopicSchemaIsFullyCompatibleWithEveryReleasedVersion() throws IOException {
    List<Path> released = releasedFiles();
    assertThat(released).isNotEmpty();
    for (Path file : released) {
      Schema old = new Schema.Parser().parse(file.toFile());
      Schema current = CURRENT.get(old.getFullName());
      assertThat(current).as("a current schema for %s", file).isNotNull();
      assertThat(compatible(current, old)).as("current reads what %s wrote", file).isTrue();
      assertThat(compatible(old, current)).as("%s reads what current writes", file).isTrue();
    }
  }

  @Test
  void everyTopicHasAReleasedSchema() throws IOException {
    List<String> names = releasedFiles().stream().map(SchemaCompatibilityTest::fullName).toList();
    assertThat(names).containsAll(CURRENT.keySet());
  }

  @Test
  void theIndexListsEveryReleasedFile() throws IOException {
    List<String> index = Files.readAllLines(HISTORY.resolve("INDEX")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    List<String> onDisk = releasedFiles().stream().map(p -> HISTORY.relativize(p).toString()).toList();
    assertThat(index).containsExactlyInAnyOrderElementsOf(onDisk);
  }

  @Test
  void theHashStaysTheLastFieldOfTheLogRecord() throws IOException {
    assertThat(lastField(DecisionEvent.getClassSchema())).isEqualTo("hash");
    for (Path file : releasedFiles()) {
      Schema old = new Schema.Parser().parse(file.toFile());
      if (old.getFullName().equals("dev.koers.schema.DecisionEvent")) {
        assertThat(lastField(old)).as(file.toString()).isEqualTo("hash");
      }
    }
  }

  @Test
  void theCheckCatchesABreakingChange() {
    // A new required field without a default cannot read old records: the check must say so.
    Schema broken = new Schema.Parser().parse(Outcome.getClassSchema().toString()
        .replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"tenant\",\"type\":\"string\"},"));
    assertThat(compatible(broken, Outcome.getClassSchema())).isFalse();
  }

  private static boolean compatible(Schema reader, Schema writer) {
    SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    return result.getType() == SchemaCompatibilityType.COMPATIBLE;
  }

  private static String lastField(Schema schema) {
    List<Schema.Field> fields = schema.getFields();
    return fields.get(fields.size() - 1).name();
  }

  private static String fullName(Path file) {
    try {
      return new Schema.Parser().parse(file.toFile()).getFullName();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> releasedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(HISTORY)) {
      return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
    }
  }
}
