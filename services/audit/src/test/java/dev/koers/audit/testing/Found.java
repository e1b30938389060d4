package dev.koers.audit.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A finding as {@code verify --format json} reports it, reduced to what a test compares. */
public record Found(String problem, String decisionId, Long sequence, String topic, Integer partition, Long offset,
                    String detail) {

  /** The findings of a JSON verification report. */
  public static List<Found> in(String jsonReport) {
    try {
      JsonNode report = new ObjectMapper().readTree(jsonReport);
      List<Found> found = new ArrayList<>();
      for (JsonNode f : report.get("findings")) {
        JsonNode position = f.get("position");
        boolean at = position != null && !position.isNull();
        found.add(new Found(f.get("problem").asText(), text(f.get("decisionId")),
            f.get("sequence").isNull() ? null : f.get("sequence").asLong(),
            at ? position.get("topic").asText() : null, at ? position.get("partition").asInt() : null,
            at ? position.get("offset").asLong() : null, f.get("detail").asText()));
      }
      return found;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Problem, decision, sequence, partition and offset: the place, without the wording. */
  public String where() {
    return problem + " " + decisionId + " #" + sequence + " " + partition + "@" + offset;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
