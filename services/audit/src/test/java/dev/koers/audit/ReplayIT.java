package dev.koers.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.audit.cli.AuditJson;
import dev.koers.audit.cli.ExitCodes;
import dev.koers.audit.cli.ReplayCommand;
import dev.koers.audit.testing.AuditCli;
import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LedgerRun;
import dev.koers.audit.testing.LogTopics;
import dev.koers.audit.testing.RawLog;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.MetricsReplay;
import dev.koers.domain.metrics.MetricsSnapshot;
import dev.koers.domain.view.DecisionProjector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.documents.ViewJson;
import dev.koers.documents.ViewRecords;
import dev.koers.domain.metrics.DecisionFacts;
import dev.koers.domain.metrics.DecisionFactsFold;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code koers audit replay} against a real log: what it rebuilds is what the views' projector makes of the
 * ledger's events, for the whole log, a part of it, and the log as it stood at an earlier instant.
 */
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayIT {

  private static final int DECISIONS = 12;

  private final KafkaTestEnv env;
  private final LogTopics topics;
  private final ObjectMapper json = AuditJson.mapper();
  private List<DecisionEvent> events;
  private String prefix;

  ReplayIT(KafkaTestEnv env) {
    this.env = env;
    this.topics = new LogTopics(env);
  }

  @BeforeAll
  void writeARealLog() {
    events = LedgerRun.events(Histories.interleaved(DECISIONS));
    prefix = topics.freshPrefix("audit-replay");
    topics.writeAsLedger(prefix, events);
  }

  @Test
  void theWholeLogRebuildsEveryDecisionAsTheViewsProjectorDoes() throws Exception {
    JsonNode document = replay();

    assertThat(document.get("format").asText()).isEqualTo("koers-audit-replay/1");
    assertThat(document.get("eventsReplayed").asLong()).isEqualTo(events.size());
    assertThat(document.get("problems")).isEmpty();
    assertThat(document.get("decisions")).isEqualTo(asJson(project(e -> true)));
  }

  @Test
  void everyMetricIsWhatTheMetricCoreMakesOfTheWholeLog() throws Exception {
    JsonNode metrics = replay("--min-respondents", "1").get("metrics");
    MetricsSnapshot expected = MetricsReplay.replay(events);
    Anonymity anonymity = new Anonymity(1);

    assertThat(metrics.get("minRespondents").asInt()).isOne();
    assertThat(metrics.get("decisions")).isEqualTo(asJson(expected.decisions(anonymity)));
    assertThat(metrics.get("documents")).isEqualTo(asJson(List.copyOf(expected.documents(anonymity).values())));
    assertThat(metrics.get("documents").findValuesAsText("window")).contains("ALL", "2026-W10");
  }

  @Test
  void namedDecisionsOnly() throws Exception {
    JsonNode document = replay("--decision", "d-001", "--decision", "d-007");

    assertThat(ids(document)).containsExactly("d-001", "d-007");
  }

  @Test
  void oneUnitOnly() throws Exception {
    assertThat(ids(replay("--unit", Histories.CATERING)))
        .containsExactly("d-001", "d-003", "d-005", "d-007", "d-009", "d-011");
  }

  @Test
  void oneManagerOnly() throws Exception {
    assertThat(ids(replay("--manager", "m-2"))).containsExactly("d-001", "d-004", "d-007", "d-010");
  }

  @Test
  void decisionsOpenedWithinFromAndTo() throws Exception {
    // The first twelve submissions open d-000..d-011, one a minute from LedgerRun.START.
    JsonNode document = replay("--from", LedgerRun.recordedAt(3).toString(), "--to",
        LedgerRun.recordedAt(6).toString());

    assertThat(ids(document)).containsExactly("d-003", "d-004", "d-005");
  }

  @Test
  void asOfRebuildsWhatTheLogKnewThen() throws Exception {
    Instant asOf = LedgerRun.recordedAt(40).plusSeconds(30);

    JsonNode document = replay("--as-of", asOf.toString());

    assertThat(document.get("asOf").asText()).isEqualTo(asOf.toString());
    assertThat(document.get("decisions")).isEqualTo(asJson(project(e -> !e.getRecordedAt().isAfter(asOf))));
    assertThat(document.get("eventsReplayed").asLong()).isEqualTo(41);
  }

  @Test
  void asOfBeforeADecisionWasOpenedLeavesItOut() throws Exception {
    JsonNode document = replay("--as-of", LedgerRun.recordedAt(2).toString());

    assertThat(ids(document)).containsExactly("d-000", "d-001", "d-002");
    assertThat(document.get("decisions").findValues("sequence")).allSatisfy(s -> assertThat(s.asLong()).isOne());
  }

  @Test
  void aBrokenLogIsStillReplayedAndItsProblemsListed() throws Exception {
    RawLog log = topics.read(prefix);
    log.remove(log.find("d-002", 2));
    String broken = topics.freshPrefix("audit-replay-broken");
    topics.writeCopy(broken, log);

    AuditCli.Result result = AuditCli.run(new ReplayCommand(), "--bootstrap-servers", env.bootstrapServers(),
        "--topic-prefix", broken, "--quiet", "--decision", "d-002");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BROKEN);
    JsonNode document = json.readTree(result.out());
    assertThat(document.get("problems").findValuesAsText("problem")).containsExactly("SEQUENCE_GAP", "LINK_BROKEN");
    assertThat(ids(document)).containsExactly("d-002");
  }

  private JsonNode replay(String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("--bootstrap-servers", env.bootstrapServers(), "--topic-prefix",
        prefix, "--quiet"));
    args.addAll(List.of(more));
    AuditCli.Result result = AuditCli.run(new ReplayCommand(), args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    return json.readTree(result.out());
  }

  /**
   * The in-memory truth: the views' folds over the ledger's events that pass the filter, rendered as the
   * decision documents of the API, sorted by id.
   */
  private List<ObjectNode> project(Predicate<DecisionEvent> keep) {
    DecisionProjector projector = new DecisionProjector();
    DecisionFactsFold fold = new DecisionFactsFold();
    Map<String, DecisionView> views = new TreeMap<>();
    Map<String, DecisionFacts> facts = new TreeMap<>();
    events.stream().filter(keep).forEach(e -> {
      views.put(e.getDecisionId(), projector.apply(views.get(e.getDecisionId()), e));
      facts.put(e.getDecisionId(), fold.apply(facts.get(e.getDecisionId()), e));
    });
    return views.values().stream().map(v -> ViewJson.decision(ViewRecords.decision(v,
        DecisionMetrics.of(facts.get(v.decisionId()), Anonymity.DEFAULT)))).toList();
  }

  /** As the replay writes it, read back: the same node types as the document's. */
  private JsonNode asJson(Object value) throws Exception {
    return json.readTree(json.writeValueAsString(value));
  }

  private static List<String> ids(JsonNode document) {
    return StreamSupport.stream(document.get("decisions").spliterator(), false)
        .map(d -> d.get("decisionId").asText()).toList();
  }
}
