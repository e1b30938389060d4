package dev.koers.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 4180, by hand: the quoting a spreadsheet relies on. */
class CsvRowWriterTest {

  @Test
  void quotesWhatNeedsQuotingDoublesQuotesAndLeavesNullsEmpty() throws Exception {
    StringWriter out = new StringWriter();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("a", "plain");
    row.put("b", "with, comma");
    row.put("c", "say \"hi\"");
    row.put("d", "two\nlines");
    row.put("e", null);
    row.put("f", List.of("CUSTOMER", "EMPLOYEE"));
    row.put("g", 5);
    row.put("h", "0dac5e24-ecc8 Demo 3");
    try (CsvRowWriter writer = new CsvRowWriter(out, List.of("a", "b", "c", "d", "e", "f", "g", "h"))) {
      writer.write(row);
    }

    assertThat(out.toString()).isEqualTo("a,b,c,d,e,f,g,h\r\n"
        + "plain,\"with, comma\",\"say \"\"hi\"\"\",\"two\nlines\",,CUSTOMER;EMPLOYEE,5,0dac5e24-ecc8 Demo 3\r\n");
  }

  @Test
  void theColumnsAreTheEnvelopeEveryKindsFieldsOnceThenHashesAndPlace() {
    List<String> columns = ExportColumns.all();

    assertThat(columns).startsWith("decisionId", "sequence", "kind", "occurredAt", "recordedAt", "actorId",
        "actorRole", "eventId", "submissionId", "title");
    assertThat(columns).endsWith("previousHash", "hash", "hashMatches", "partition", "offset");
    assertThat(columns).doesNotHaveDuplicates().contains("outcome", "audience", "respondentId", "addedValue");
    assertThat(Arrays.asList("payload", "actor")).doesNotContainAnyElementsOf(columns);
  }
}
