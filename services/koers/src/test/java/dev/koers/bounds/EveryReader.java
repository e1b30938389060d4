package dev.koers.bounds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.audit.cli.AuditJson;
import dev.koers.audit.export.CsvRowWriter;
import dev.koers.audit.export.Exporter;
import dev.koers.audit.export.JsonLinesWriter;
import dev.koers.audit.export.RowFlattener;
import dev.koers.audit.log.RawRecord;
import dev.koers.audit.log.RecordPosition;
import dev.koers.audit.pass.AuditPass;
import dev.koers.audit.replay.PartResults;
import dev.koers.audit.replay.Replay;
import dev.koers.audit.replay.ReplayPart;
import dev.koers.audit.replay.ReplayParts;
import dev.koers.audit.replay.Selection;
import dev.koers.audit.verify.ChainVerifier;
import dev.koers.audit.verify.Findings;
import dev.koers.documents.ViewJson;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.metrics.MetricsReplay;
import dev.koers.domain.metrics.MetricsSnapshot;
import dev.koers.domain.view.DecisionAsOf;
import dev.koers.documents.ViewRecords;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import dev.koers.views.ViewsTopology;
import dev.koers.wire.KoersJson;
import dev.koers.wire.KoersTopics;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Every reader of the log that runs in a JVM, each folding the same accepted events as it would in production:
 * the views' processors (the real topology, in a TopologyTestDriver) and the documents they publish rendered as
 * the API renders them; the pure replays and the as-of query of every decision at every event; the audit's
 * verify, replay and both exports, fed the events' single-object bytes as from the topic. Any exception fails.
 */
final class EveryReader {

  private static final Anonymity K = Anonymity.DEFAULT;
  private static final KoersTopics TOPICS = new KoersTopics("", 1);

  private final ObjectMapper json = KoersJson.mapper();

  /** What the readers made of the log, so that a test can see they did fold it. */
  record Folded(int decisionDocuments, int metricsDocuments, int replayedEvents, int exportedRows,
                List<String> auditProblems) {}

  Folded fold(List<DecisionEvent> events) {
    int[] documents = views(events);
    replays(events);
    asOfQueries(events);
    return audit(events, documents);
  }

  /** The views' topology folds every event; each decision and metrics document is rendered as the API does. */
  private int[] views(List<DecisionEvent> events) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounds-fold");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try (TopologyTestDriver driver = new TopologyTestDriver(ViewsTopology.build(TOPICS, K), props)) {
      TestInputTopic<String, DecisionEvent> input = driver.createInputTopic(TOPICS.events().name(),
          TOPICS.events().keySerde().serializer(), TOPICS.events().valueSerde().serializer());
      for (DecisionEvent event : events) {
        input.pipeInput(event.getDecisionId(), event, event.getRecordedAt());
      }
      TestOutputTopic<String, DecisionSummary> decisions = driver.createOutputTopic(TOPICS.viewDecisions().name(),
          TOPICS.viewDecisions().keySerde().deserializer(), TOPICS.viewDecisions().valueSerde().deserializer());
      TestOutputTopic<String, MetricsView> metrics = driver.createOutputTopic(TOPICS.viewMetrics().name(),
          TOPICS.viewMetrics().keySerde().deserializer(), TOPICS.viewMetrics().valueSerde().deserializer());
      int decisionDocuments = 0;
      for (DecisionSummary summary : decisions.readValuesToList()) {
        if (summary != null) {
          render(ViewJson.decision(summary));
          decisionDocuments++;
        }
      }
      int metricsDocuments = 0;
      for (MetricsView view : metrics.readValuesToList()) {
        if (view != null) {
          render(ViewJson.metrics(view));
          metricsDocuments++;
        }
      }
      return new int[] {decisionDocuments, metricsDocuments};
    }
  }

  /** The pure core's replay: facts, aggregates, every document per scope and window, and per decision. */
  private void replays(List<DecisionEvent> events) {
    MetricsSnapshot snapshot = MetricsReplay.replay(events);
    snapshot.documents(K).values().forEach(this::render);
    snapshot.decisions(K).values().forEach(this::render);
  }

  /**
   * The API's as-of query of each decision, as a viewer and as an auditor see it: at its opening, halfway and
   * now (every event is folded by the last; the others cut the history as the query does).
   */
  private void asOfQueries(List<DecisionEvent> events) {
    Map<String, List<DecisionEvent>> byDecision = new LinkedHashMap<>();
    events.forEach(e -> byDecision.computeIfAbsent(e.getDecisionId(), id -> new ArrayList<>()).add(e));
    for (List<DecisionEvent> history : byDecision.values()) {
      List<Instant> moments = new ArrayList<>();
      moments.add(history.get(0).getRecordedAt());
      moments.add(history.get(history.size() / 2).getRecordedAt());
      moments.add(null);
      for (Instant asOf : moments) {
        DecisionAsOf rebuilt = DecisionAsOf.rebuild(history, asOf);
        if (rebuilt.existed()) {
          DecisionAsOf shown = rebuilt.withoutPersonalData();
          render(ViewJson.decision(ViewRecords.decision(shown.decision(), DecisionMetrics.of(shown.facts(), K))));
          render(shown.events());
          render(rebuilt.events());
        }
      }
    }
  }

  /** The audit reads the topic's bytes: verify's chain check, replay with every part, the CSV and JSON exports. */
  private Folded audit(List<DecisionEvent> events, int[] documents) {
    Findings findings = new Findings();
    List<ReplayPart> parts = ReplayParts.standard(K);
    Replay replay = new Replay(Selection.ALL, null, parts, findings);
    StringWriter csv = new StringWriter();
    StringWriter jsonLines = new StringWriter();
    RowFlattener flattener = new RowFlattener();
    try {
      Exporter csvExport = new Exporter(flattener, new CsvRowWriter(csv, flattener.columns()), Set.of());
      Exporter jsonExport = new Exporter(flattener, new JsonLinesWriter(jsonLines), Set.of());
      AuditPass pass = new AuditPass(List.of(new ChainVerifier(findings), replay, csvExport, jsonExport));
      Serializer<DecisionEvent> bytes = TOPICS.events().valueSerde().serializer();
      long offset = 0;
      for (DecisionEvent event : events) {
        pass.accept(new RawRecord(new RecordPosition(TOPICS.events().name(), 0, offset++),
            event.getDecisionId().getBytes(StandardCharsets.UTF_8), bytes.serialize(TOPICS.events().name(), event)));
      }
      render(PartResults.of(parts).byPart(), AuditJson.mapper());
      return new Folded(documents[0], documents[1], (int) replay.replayedEvents(), (int) csvExport.rows(),
          findings.all().stream().map(f -> f.toLine()).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void render(Object value) {
    render(value, json);
  }

  private static void render(Object value, ObjectMapper mapper) {
    try {
      mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
