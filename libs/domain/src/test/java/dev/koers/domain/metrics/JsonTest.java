package dev.koers.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metric state lives in state stores as JSON (Jackson with its JavaTimeModule), and the documents are the
 * API's contract: both round-trip exactly, and the documents carry exactly the names of api.md.
 */
class JsonTest {

  private static final MetricsSnapshot GOLDEN = MetricsReplay.replay(GoldenScenario.log());

  @Test
  void decision_facts_and_aggregates_round_trip_exactly() {
    GOLDEN.facts().values().forEach(facts ->
        assertThat(StoreJson.roundTrip(facts, DecisionFacts.class)).isEqualTo(facts));
    GOLDEN.aggregates().values().forEach(aggregate ->
        assertThat(StoreJson.roundTrip(aggregate, MetricsAggregate.class)).isEqualTo(aggregate));
    assertThat(StoreJson.roundTrip(MetricsAggregate.ZERO, MetricsAggregate.class)).isEqualTo(MetricsAggregate.ZERO);
  }

  @Test
  void contributions_round_trip_exactly_for_a_ktable_of_them() {
    GOLDEN.facts().values().forEach(facts -> Contributions.of(facts).forEach(contribution ->
        assertThat(StoreJson.roundTrip(contribution, Contribution.class)).isEqualTo(contribution)));
  }

  @Test
  void documents_round_trip_exactly() {
    GOLDEN.documents(Anonymity.DEFAULT).values().forEach(document ->
        assertThat(StoreJson.roundTrip(document, MetricsDocument.class)).isEqualTo(document));
    GOLDEN.decisions(Anonymity.DEFAULT).values().forEach(metrics ->
        assertThat(StoreJson.roundTrip(metrics, DecisionMetrics.class)).isEqualTo(metrics));
    WeeklySeries series = GOLDEN.weeklySeries(ScopeKind.UNIT, "facilities", Anonymity.DEFAULT);
    assertThat(StoreJson.roundTrip(series, WeeklySeries.class)).isEqualTo(series);
  }

  @Test
  void a_manager_document_has_exactly_the_names_of_the_api() throws IOException {
    JsonNode json = json(GOLDEN.document(AggregateKey.allTime(ScopeKind.MANAGER, "m-bram"), Anonymity.DEFAULT));

    assertThat(names(json)).containsExactly("scope", "window", "counts", "leadTimeSeconds",
        "communicationLagSeconds", "onTimeShare", "revisionRate", "withdrawalRate", "valueConsensusShare", "scores",
        "coverage", "balance", "perceptionGap", "dialogue");
    assertThat(json.get("scope").toString()).isEqualTo("{\"managerId\":\"m-bram\"}");
    assertThat(json.get("window").asText()).isEqualTo("ALL");
    assertThat(names(json.get("counts"))).containsExactly("opened", "decided", "withdrawn", "revised", "communicated");
    assertThat(names(json.get("leadTimeSeconds"))).containsExactly("p50", "p90");
    assertThat(names(json.get("communicationLagSeconds"))).containsExactly("p50");
    assertThat(names(json.get("scores"))).containsExactly("overall", "byPerspective");
    assertThat(names(json.get("scores").get("byPerspective")))
        .containsExactly("CUSTOMER", "EMPLOYEE", "ORGANIZATION", "OTHER");
    assertThat(names(json.get("scores").get("overall")))
        .containsExactly("respondents", "withheld", "clarity", "speed", "heard", "addedValue");
    assertThat(names(json.get("coverage"))).containsExactly("CUSTOMER", "EMPLOYEE", "ORGANIZATION", "OTHER");
    assertThat(names(json.get("coverage").get("OTHER"))).containsExactly("share", "meanDepth");
    assertThat(names(json.get("balance"))).containsExactly("MULTI_PERSPECTIVE", "CUSTOMER_ONLY", "NO_CUSTOMER",
        "PARTIAL");
    assertThat(names(json.get("perceptionGap"))).containsExactly("OWN_ACTION", "INTERACTION", "CONTENT", "POWER");
    assertThat(json.get("perceptionGap").get("OWN_ACTION").isNull()).isTrue();
    assertThat(names(json.get("dialogue"))).containsExactly("weeks", "longestStreak", "lastWeek");
  }

  @Test
  void a_unit_document_names_its_unit_and_has_no_dialogue_and_nulls_not_zeros_for_what_cannot_be_computed()
      throws IOException {
    JsonNode json = json(GOLDEN.document(new AggregateKey(ScopeKind.UNIT, "security", "2027-W02"),
        Anonymity.DEFAULT));

    assertThat(json.get("scope").toString()).isEqualTo("{\"unit\":\"security\"}");
    assertThat(json.get("dialogue").isNull()).isTrue();
    // Nothing was decided in security in 2027-W02 (d-patrol was opened, d-gate revised).
    assertThat(json.get("leadTimeSeconds").toString()).isEqualTo("{\"p50\":null,\"p90\":null}");
    assertThat(json.get("onTimeShare").isNull()).isTrue();
    assertThat(json.get("withdrawalRate").isNull()).isTrue();
    assertThat(json.get("coverage").get("CUSTOMER").toString()).isEqualTo("{\"share\":null,\"meanDepth\":null}");
  }

  @Test
  void a_decision_document_uses_the_api_names() throws IOException {
    JsonNode json = json(DecisionMetrics.of(GOLDEN.facts().get(GoldenScenario.ROSTER)));

    assertThat(names(json)).containsExactly("decisionId", "leadTimeSeconds", "communicationLagSeconds", "onTime",
        "perspectivesHeard", "balance", "scores", "valueConsensus");
    assertThat(json.get("perspectivesHeard").toString())
        .isEqualTo("{\"CUSTOMER\":\"DIALOGUE\",\"EMPLOYEE\":\"CONSULTED\",\"ORGANIZATION\":\"CO_DECIDED\"}");
  }

  private static JsonNode json(Object value) throws IOException {
    return new ObjectMapper().readTree(StoreJson.write(value));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> fields = node.fieldNames();
    fields.forEachRemaining(names::add);
    return names;
  }
}
