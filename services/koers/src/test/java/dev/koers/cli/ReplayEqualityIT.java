package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.metrics.IsoWeek;
import dev.koers.domain.metrics.MetricsDocument;
import dev.koers.domain.metrics.MetricsReplay;
import dev.koers.domain.metrics.MetricsSnapshot;
import dev.koers.domain.metrics.ScopeKind;
import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.testkit.TopicSnapshot;
import dev.koers.documents.ViewJson;
import dev.koers.documents.ViewRecords;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, item 8: the live views (Kafka Streams, incremental: subtract the old contribution, add the new one
 * on every event) equal a replay of the same log with the pure core alone ({@link MetricsReplay}), exactly:
 * every aggregate (HTTP and the koers.view.metrics topic, no key more, no key less), every decision (HTTP and
 * koers.view.decisions), and every weekly series.
 *
 * <p>The history is written straight to the node's events topic, sealed by {@link dev.koers.domain.LedgerStep}
 * as the ledger would seal it (the views only read the log); it is then read back from Kafka, read_committed,
 * and that is the log the replay folds.
 */
@KafkaIntegrationTest
class ReplayEqualityIT {

  private static final long SEED = 4_008L;
  private static final int EVENTS = 5_200;
  private static final int UNITS = 24;
  private static final int MANAGERS = 36;
  private static final Anonymity K = Anonymity.DEFAULT; // what TestNode's views run with
  private static final List<String> DECISION_METRICS = List.of("leadTimeSeconds", "communicationLagSeconds",
      "onTime", "perspectivesHeard", "balance", "scores", "valueConsensus");
  private static final int SHOWN = 12;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theLiveViewsEqualAReplayOfTheLogWithThePureCoreAlone(KafkaTestEnv kafka, @TempDir Path state)
      throws Exception {
    long t0 = System.nanoTime();
    GeneratedLog history = GeneratedLog.generate(SEED, EVENTS, UNITS, MANAGERS);
    List<DecisionEvent> written = history.events();
    assertRichEnough(history, written);
    log("generated %d events (%s) in %d ms", written.size(), history.stats(), millisSince(t0));

    // The first half of the log is folded by a node that stops while it is at work; its successor (the same
    // installation and state directory) folds the rest: a restart must neither lose nor double-count an event.
    String prefix = kafka.uniqueName("replay") + ".";
    int half = written.size() / 2;
    long t1 = System.nanoTime();
    try (TestNode first = TestNode.start(kafka, state, Duration.ofSeconds(20), prefix)) {
      KoersTopics topics = first.node().topics();
      write(kafka, topics, written.subList(0, half));
      AtomicInteger seen = new AtomicInteger();
      await("the first node at work").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> {
            seen.set(latest(kafka, topics.viewDecisions()).size());
            return seen.get() >= 50;
          });
      log("the first node had published %d decisions of the first %d events; stopping it", seen.get(), half);
    }
    log("the first node started, folded and stopped in %d ms", millisSince(t1));

    try (TestNode node = TestNode.start(kafka, state, Duration.ofSeconds(20), prefix)) {
      KoersTopics topics = node.node().topics();
      long t1b = System.nanoTime();
      write(kafka, topics, written.subList(half, written.size()));
      log("wrote %d events in all to %s (the rest in %d ms)", written.size(), topics.events().name(),
          millisSince(t1b));

      // 1. The views have folded every event: each decision's summary on the view topic is at its last sequence.
      long t2 = System.nanoTime();
      Map<String, Long> last = history.lastSequences();
      await("every decision's summary at its last sequence").atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> assertThat(behind(latest(kafka, topics.viewDecisions()), last))
              .as("decisions whose summary is behind the log").isEmpty());

      // 2. The replay: read the same log back from Kafka and fold it with the pure core, nothing else.
      List<DecisionEvent> log = TopicSnapshot.read(kafka, topics.events().name(), Serdes.String().deserializer(),
          topics.events().valueSerde().deserializer()).stream().map(ConsumerRecord::value).toList();
      assertThat(log).hasSameSizeAs(written);
      MetricsSnapshot replay = MetricsReplay.replay(log);
      SortedMap<String, JsonNode> expectedMetrics = expectedMetrics(replay);
      SortedMap<String, JsonNode> expectedDecisions = expectedDecisions(replay, log);
      assertYearBoundaries(expectedMetrics.keySet());

      // The aggregates travel through a repartition topic after the summaries: wait until the metrics topic
      // has settled on the replay's documents, then hold every other surface to them exactly.
      await("koers.view.metrics equal to the replay").atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(differences(expectedMetrics, latestMetrics(kafka, topics)))
              .as("differences between the replay and koers.view.metrics (latest per key)").isEmpty());
      log("views caught up in %d ms", millisSince(t2));

      long t3 = System.nanoTime();
      Http viewer = node.viewer();
      // (a) Every aggregate of the replay, as HTTP answers it.
      List<String> problems = new ArrayList<>();
      for (Map.Entry<String, JsonNode> expected : expectedMetrics.entrySet()) {
        AggregateKey key = AggregateKey.parse(expected.getKey());
        compare(problems, key.asString(), expected.getValue(), viewer.get(metricsPath(key)));
      }
      // … and no aggregate more: the view topic has exactly the replay's keys (checked above, and again here
      // now that everything has settled), the store answers nothing for a week in which nothing counted.
      assertThat(differences(expectedMetrics, latestMetrics(kafka, topics))).isEmpty();
      int emptyWeeks = checkEmptyWeeks(problems, viewer, replay, history.weeks());

      // (b) Every decision: its per-decision figures (and the rest of its document) over HTTP and on the topic.
      Map<String, DecisionMetrics> decisionMetrics = replay.decisions(K);
      for (Map.Entry<String, JsonNode> expected : expectedDecisions.entrySet()) {
        String id = expected.getKey();
        HttpResponse<String> answer = viewer.get("/api/v1/decisions/" + id);
        if (answer.statusCode() != 200) {
          problems.add("decision " + id + ": HTTP " + answer.statusCode() + " " + answer.body());
          continue;
        }
        JsonNode actual = json.readTree(answer.body());
        List<String> metricFields = DECISION_METRICS.stream()
            .filter(field -> !actual.path(field).equals(expected.getValue().get(field))).toList();
        if (!metricFields.isEmpty()) {
          problems.add("decision " + id + " " + metricFields + ": " + fieldDifferences(expected.getValue(), actual)
              + " (replay: " + decisionMetrics.get(id) + ")");
        } else if (!actual.equals(expected.getValue())) {
          // The figures agree; the rest of the document (state, hash, hearings) must agree too.
          problems.add("decision " + id + ": " + fieldDifferences(expected.getValue(), actual));
        }
      }
      Map<String, JsonNode> decisionTopic = latestDecisionDocuments(kafka, topics);
      assertThat(decisionTopic.keySet()).isEqualTo(expectedDecisions.keySet());
      expectedDecisions.forEach((id, expected) -> {
        if (!expected.equals(decisionTopic.get(id))) {
          problems.add("koers.view.decisions " + id + ": " + fieldDifferences(expected, decisionTopic.get(id)));
        }
      });

      // (c) The weekly series of every unit and every manager.
      TreeSet<String> units = new TreeSet<>();
      TreeSet<String> managers = new TreeSet<>();
      replay.facts().values().forEach(f -> {
        units.add(f.unit());
        managers.add(f.managerId());
      });
      for (String unit : units) {
        compare(problems, "weekly UNIT:" + unit, expectedSeries(replay, ScopeKind.UNIT, unit),
            viewer.get("/api/v1/units/" + unit + "/metrics/weekly"));
      }
      for (String manager : managers) {
        compare(problems, "weekly MANAGER:" + manager, expectedSeries(replay, ScopeKind.MANAGER, manager),
            viewer.get("/api/v1/managers/" + manager + "/metrics/weekly"));
      }

      log("compared %d events, %d decisions, %d units, %d managers: %d aggregate keys (HTTP and topic), "
              + "%d empty weeks, %d decisions (HTTP and topic), %d weekly series, in %d ms; %d differences",
          log.size(), expectedDecisions.size(), units.size(), managers.size(), expectedMetrics.size(), emptyWeeks,
          expectedDecisions.size(), units.size() + managers.size(), millisSince(t3), problems.size());
      assertThat(units).hasSizeGreaterThanOrEqualTo(20);
      assertThat(managers).hasSizeGreaterThanOrEqualTo(30);
      assertThat(problems).as("differences between the live views and the replay (first %d of %d)",
          Math.min(SHOWN, problems.size()), problems.size()).isEmpty();
    }
  }

  // --- the history

  /** The history has every feature the issue asks for, so the equality below means something. */
  private static void assertRichEnough(GeneratedLog history, List<DecisionEvent> events) {
    assertThat(events).hasSizeGreaterThanOrEqualTo(5_000);
    assertThat(history.stat("DecisionRevised")).as("revisions").isGreaterThan(50);
    assertThat(history.stat("DecisionWithdrawn")).as("withdrawals").isGreaterThan(20);
    assertThat(history.stat("DecisionCommunicated")).as("communications").isGreaterThan(50);
    assertThat(history.stat("feedbackReplacements")).as("feedback replaced by the same respondent")
        .isGreaterThan(50);
    assertThat(history.stat("feedbackBackDatedBehindTheCurrentOne"))
        .as("feedback back-dated behind the respondent's current one").isGreaterThan(10);
    assertThat(history.stat("backDated")).as("back-dated events").isGreaterThan(1_000);
    assertThat(history.stat("decisionsBackDatedBehindAHearing")).as("hearings after a back-dated decision")
        .isGreaterThan(5);
    assertThat(history.stat("rejected")).as("attempts the rules refused (not in the log)").isGreaterThan(10);
  }

  /** 2021-01-01 is in 2020-W53 (a 53-week year), 2022-01-01 in 2021-W52: both boundaries are in the history. */
  private static void assertYearBoundaries(java.util.Set<String> keys) {
    assertThat(keys).anyMatch(k -> k.endsWith(":2020-W53")).anyMatch(k -> k.endsWith(":2021-W01"))
        .anyMatch(k -> k.endsWith(":2021-W52")).anyMatch(k -> k.endsWith(":2022-W01"));
  }

  private static void write(KafkaTestEnv kafka, KoersTopics topics, List<DecisionEvent> events) throws Exception {
    Map<String, Object> config = kafka.clientConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true); // per-decision order survives retries
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<String, DecisionEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
        topics.events().valueSerde().serializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (DecisionEvent event : events) {
        sent.add(producer.send(new ProducerRecord<>(topics.events().name(), event.getDecisionId(), event)));
      }
      producer.flush();
      for (Future<RecordMetadata> future : sent) {
        future.get();
      }
    }
  }

  // --- what the replay says

  private SortedMap<String, JsonNode> expectedMetrics(MetricsSnapshot replay) {
    SortedMap<String, JsonNode> expected = new TreeMap<>();
    replay.documents(K).forEach((key, document) -> expected.put(key.asString(), rendered(document, key)));
    return expected;
  }

  private SortedMap<String, JsonNode> expectedDecisions(MetricsSnapshot replay, List<DecisionEvent> log) {
    DecisionProjector projector = new DecisionProjector();
    Map<String, DecisionView> views = new HashMap<>();
    log.forEach(event -> views.put(event.getDecisionId(), projector.apply(views.get(event.getDecisionId()), event)));
    SortedMap<String, JsonNode> expected = new TreeMap<>();
    replay.decisions(K).forEach((id, metrics) ->
        expected.put(id, normalized(ViewJson.decision(ViewRecords.decision(views.get(id), metrics)))));
    return expected;
  }

  private JsonNode expectedSeries(MetricsSnapshot replay, ScopeKind scope, String id) {
    ObjectNode body = json.createObjectNode();
    body.set("scope", json.createObjectNode().put(scope.field(), id));
    ArrayNode weeks = body.putArray("weeks");
    for (MetricsDocument week : replay.weeklySeries(scope, id, K).weeks()) {
      weeks.add(rendered(week, AggregateKey.week(scope, id, IsoWeek.parse(week.window()))));
    }
    return body;
  }

  private JsonNode rendered(MetricsDocument document, AggregateKey key) {
    return normalized(ViewJson.metrics(ViewRecords.metrics(document, key)));
  }

  // --- what the views say

  private static <V> Map<String, V> latest(KafkaTestEnv kafka, Topic<String, V> topic) {
    Map<String, V> latest = new HashMap<>();
    for (ConsumerRecord<String, V> record : TopicSnapshot.read(kafka, topic.name(), Serdes.String().deserializer(),
        topic.valueSerde().deserializer())) {
      if (record.value() == null) {
        latest.remove(record.key()); // a tombstone: the key is gone
      } else {
        latest.put(record.key(), record.value());
      }
    }
    return latest;
  }

  private SortedMap<String, JsonNode> latestMetrics(KafkaTestEnv kafka, KoersTopics topics) {
    SortedMap<String, JsonNode> documents = new TreeMap<>();
    latest(kafka, topics.viewMetrics()).forEach((key, view) -> documents.put(key, normalized(ViewJson.metrics(view))));
    return documents;
  }

  private Map<String, JsonNode> latestDecisionDocuments(KafkaTestEnv kafka, KoersTopics topics) {
    Map<String, JsonNode> documents = new HashMap<>();
    latest(kafka, topics.viewDecisions()).forEach((id, summary) -> documents.put(id,
        normalized(ViewJson.decision(summary))));
    return documents;
  }

  private static List<String> behind(Map<String, DecisionSummary> summaries, Map<String, Long> last) {
    List<String> behind = new ArrayList<>();
    last.forEach((id, sequence) -> {
      DecisionSummary summary = summaries.get(id);
      if (summary == null || summary.getSequence() != sequence) {
        behind.add(id + " at " + (summary == null ? "-" : summary.getSequence()) + " of " + sequence);
      }
    });
    return behind.size() > SHOWN ? List.of(behind.size() + " decisions, such as " + behind.subList(0, SHOWN))
        : behind;
  }

  /** A week of the history in which nothing counted for a unit: no stale (zero) aggregate is answered. */
  private int checkEmptyWeeks(List<String> problems, Http viewer, MetricsSnapshot replay,
      TreeSet<IsoWeek> weeks) throws IOException, InterruptedException {
    int checked = 0;
    List<String> units = replay.facts().values().stream().map(f -> f.unit()).distinct().sorted().limit(4).toList();
    for (String unit : units) {
      for (IsoWeek week = weeks.first(); week.compareTo(weeks.last()) <= 0; week = week.next()) {
        AggregateKey key = AggregateKey.week(ScopeKind.UNIT, unit, week);
        if (replay.aggregates().containsKey(key)) {
          continue;
        }
        checked++;
        HttpResponse<String> answer = viewer.get(metricsPath(key));
        // A known unit answers the zero document for a week where nothing counted (docs/metrics.md).
        boolean zero = answer.statusCode() == 200
            && json.readTree(answer.body()).equals(rendered(replay.document(key, K), key));
        if (!zero) {
          problems.add(key.asString() + " (nothing counted): HTTP " + answer.statusCode() + " " + answer.body());
        }
      }
    }
    return checked;
  }

  // --- comparing

  private void compare(List<String> problems, String what, JsonNode expected, HttpResponse<String> answer)
      throws IOException {
    if (answer.statusCode() != 200) {
      problems.add(what + ": HTTP " + answer.statusCode() + " " + answer.body());
      return;
    }
    JsonNode actual = json.readTree(answer.body());
    if (!actual.equals(expected)) {
      problems.add(what + ": " + fieldDifferences(expected, actual));
    }
  }

  private static List<String> differences(SortedMap<String, JsonNode> expected, SortedMap<String, JsonNode> actual) {
    List<String> differences = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (String key : keys) {
      JsonNode want = expected.get(key);
      JsonNode got = actual.get(key);
      if (want == null) {
        differences.add(key + ": on the topic, not in the replay: " + got);
      } else if (got == null) {
        differences.add(key + ": in the replay, not on the topic");
      } else if (!want.equals(got)) {
        differences.add(key + ": " + fieldDifferences(want, got));
      }
    }
    return differences.size() > SHOWN
        ? List.of(differences.size() + " keys differ, such as " + differences.subList(0, SHOWN)) : differences;
  }

  /** Each leaf in which two documents differ, by its path, replay first. */
  private static String fieldDifferences(JsonNode replay, JsonNode view) {
    List<String> differences = new ArrayList<>();
    collectDifferences("", replay, view, differences);
    return String.join("; ", differences);
  }

  private static void collectDifferences(String path, JsonNode replay, JsonNode view, List<String> differences) {
    if (replay.isObject() && view.isObject()) {
      TreeSet<String> fields = new TreeSet<>();
      replay.fieldNames().forEachRemaining(fields::add);
      view.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        collectDifferences(path.isEmpty() ? field : path + "." + field, replay.path(field), view.path(field),
            differences);
      }
    } else if (!replay.equals(view)) {
      differences.add((path.isEmpty() ? "the document" : path) + ": replay " + replay + ", view " + view);
    }
  }

  private static String metricsPath(AggregateKey key) {
    String path = (key.scope() == ScopeKind.UNIT ? "/api/v1/units/" : "/api/v1/managers/") + key.id() + "/metrics";
    return key.coversAllTime() ? path : path + "?week=" + key.window();
  }

  /** The JSON as a client parses it, so that a Long 3 and an Integer 3 compare equal. */
  private JsonNode normalized(JsonNode node) {
    try {
      return json.readTree(json.writeValueAsString(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void log(String format, Object... args) {
    System.out.println("[ReplayEqualityIT] " + String.format(format, args));
  }
}
