package dev.koers.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.audit.cli.AuditJson;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecisionDocumentsTest {

  /** More than two chunks, so that the documents cross chunk borders. */
  private final List<Integer> ids = IntStream.range(0, 5_000).boxed().toList();

  private static ObjectNode render(int id) {
    return JsonNodeFactory.instance.objectNode().put("decisionId", "d-" + id).put("sequence", id % 7)
        .set("hearings", JsonNodeFactory.instance.arrayNode().add(id).add("x"));
  }

  @Test
  void writesWhatTheDocumentsWrittenAsAListGiveCompactAndIndented() throws Exception {
    DecisionDocuments<Integer> streamed = new DecisionDocuments<>(ids, DecisionDocumentsTest::render);
    List<ObjectNode> listed = ids.stream().map(DecisionDocumentsTest::render).toList();

    for (boolean indent : new boolean[] {false, true}) {
      ObjectMapper mapper = AuditJson.mapper(indent);
      assertThat(mapper.writeValueAsString(Map.of("decisions", streamed)))
          .isEqualTo(mapper.writeValueAsString(Map.of("decisions", listed)));
    }
    assertThat(streamed.all()).isEqualTo(listed);
    assertThat(streamed.size()).isEqualTo(5_000);
  }

  @Test
  void noDecisionsIsAnEmptyArray() throws Exception {
    assertThat(AuditJson.mapper(false).writeValueAsString(new DecisionDocuments<>(List.<Integer>of(),
        DecisionDocumentsTest::render))).isEqualTo("[]");
  }
}
