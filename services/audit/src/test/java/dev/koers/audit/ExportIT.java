package dev.koers.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.koers.audit.cli.ExitCodes;
import dev.koers.audit.cli.ExportCommand;
import dev.koers.audit.export.ExportColumns;
import dev.koers.audit.testing.AuditCli;
import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LedgerRun;
import dev.koers.audit.testing.LogTopics;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code koers audit export}: one flat row per event of a real log, as JSON Lines and as RFC 4180 CSV. */
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIT {

  private final KafkaTestEnv env;
  private final LogTopics topics;
  private List<DecisionEvent> events;
  private String prefix;

  ExportIT(KafkaTestEnv env) {
    this.env = env;
    this.topics = new LogTopics(env);
  }

  @BeforeAll
  void writeARealLog() {
    events = LedgerRun.events(Histories.interleaved(12));
    prefix = topics.freshPrefix("audit-export");
    topics.writeAsLedger(prefix, events);
  }

  @Test
  void jsonLinesHasOneRowPerEventWithEveryColumnAndTheHashes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.jsonl");

    AuditCli.Result result = export("--format", "jsonl", "--out", file.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        rows.add(new ObjectMapper().readTree(line));
      }
    }
    assertThat(rows).hasSize(events.size());
    Map<String, DecisionEvent> byPlace = byDecisionAndSequence();
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.fieldNames()).toIterable().containsExactlyElementsOf(ExportColumns.all());
      DecisionEvent event = byPlace.get(row.get("decisionId").asText() + "#" + row.get("sequence").asLong());
      assertThat(row.get("hash").asText()).isEqualTo(HashChain.hex(event.getHash()));
      assertThat(row.get("previousHash").asText()).isEqualTo(HashChain.hex(event.getPreviousHash()));
      assertThat(row.get("recordedAt").asText()).isEqualTo(event.getRecordedAt().toString());
      assertThat(row.get("hashMatches").asBoolean()).isTrue();
    });
    JsonNode opening = rows.stream().filter(r -> r.get("decisionId").asText().equals("d-000")
        && r.get("sequence").asLong() == 1).findFirst().orElseThrow();
    assertThat(opening.get("kind").asText()).isEqualTo("DecisionOpened");
    assertThat(opening.get("title").asText()).isEqualTo("Roster \"night\", shift");
    assertThat(opening.get("actorRole").asText()).isEqualTo("MANAGER");
    assertThat(opening.get("dueBy").isNull()).isTrue();
    assertThat(opening.get("outcome").isNull()).isTrue();
  }

  @Test
  void csvIsRfc4180WithAHeaderAndEmptyFieldsForNulls(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.csv");

    AuditCli.Result result = export("--format", "csv", "--out", file.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    String text = Files.readString(file);
    assertThat(text).startsWith(String.join(",", ExportColumns.all()) + "\r\n");
    List<Map<String, String>> rows = readCsv(text);
    assertThat(rows).hasSize(events.size());
    Map<String, String> opening = find(rows, "d-000", "1");
    assertThat(opening.get("title")).isEqualTo("Roster \"night\", shift");
    assertThat(opening.get("context")).isEqualTo("Customers complain,\nsay \"late\"");
    assertThat(opening.get("dueBy")).isEmpty();
    assertThat(find(rows, "d-000", "5").get("audience")).isEqualTo("CUSTOMER;EMPLOYEE");
    assertThat(find(rows, "d-000", "6").get("addedValue")).isEqualTo("1");
  }

  @Test
  void namedDecisionsOnlyAndStdoutWithoutOut() throws Exception {
    AuditCli.Result result = export("--format", "csv", "--decision", "d-003");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    List<Map<String, String>> rows = readCsv(result.out());
    assertThat(rows).extracting(r -> r.get("decisionId") + "#" + r.get("sequence") + " " + r.get("kind"))
        .containsExactly("d-003#1 DecisionOpened", "d-003#2 PerspectiveHeard", "d-003#3 PerspectiveHeard",
            "d-003#4 DecisionWithdrawn");
  }

  private AuditCli.Result export(String... more) {
    List<String> args = new ArrayList<>(List.of("--bootstrap-servers", env.bootstrapServers(), "--topic-prefix",
        prefix, "--quiet"));
    args.addAll(List.of(more));
    return AuditCli.run(new ExportCommand(), args.toArray(String[]::new));
  }

  private static List<Map<String, String>> readCsv(String text) throws Exception {
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
      return it.readAll();
    }
  }

  private static Map<String, String> find(List<Map<String, String>> rows, String decision, String sequence) {
    return rows.stream().filter(r -> r.get("decisionId").equals(decision) && r.get("sequence").equals(sequence))
        .findFirst().orElseThrow();
  }

  private Map<String, DecisionEvent> byDecisionAndSequence() {
    Map<String, DecisionEvent> map = new HashMap<>();
    events.forEach(e -> map.put(e.getDecisionId() + "#" + e.getSequence(), e));
    return map;
  }
}
