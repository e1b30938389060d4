package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.api.StreamLimits;
import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.api.auth.TokenSettings;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.IsoWeek;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.testkit.TopicSnapshot;
import dev.koers.wire.proof.SubmissionKey;
import dev.koers.documents.ViewJson;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.Topic;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, item 10: a score group of fewer than K distinct respondents (default 3) is withheld everywhere it
 * is shown (HTTP answers, the view topics, the event stream): its respondent count is shown, its means are
 * null. A third respondent makes the means appear; a respondent who moves to another perspective makes the
 * group small again, and withheld again. K is a setting: with K = 2, two respondents are enough.
 */
@Tag("attack")
@KafkaIntegrationTest
class AnonymityIT {

  // A Monday in 2026-W11; every event of the scenarios is dated in that week.
  private static final Instant MONDAY = Instant.parse("2026-03-09T09:00:00Z");
  private static final String WEEK = IsoWeek.of(MONDAY).toString();
  private static final List<String> PERSPECTIVES = List.of("CUSTOMER", "EMPLOYEE", "ORGANIZATION", "OTHER");
  private static final List<String> MEANS = List.of("clarity", "speed", "heard", "addedValue");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void groupsOfFewerThanThreeRespondentsAreWithheldInEveryAnswerTopicAndStream(KafkaTestEnv kafka,
      @TempDir Path state) throws Exception {
    assertThat(WEEK).isEqualTo("2026-W11");
    try (TestNode node = TestNode.start(kafka, state, Duration.ofSeconds(20));
         StreamSubscriber stream = StreamSubscriber.subscribed(node.node().url(), node.token(
             new Principal("dashboard", Role.VIEWER, null, null)))) {
      Http viewer = node.viewer();
      Http manager = node.manager("m-anon");
      created(manager.post("/api/v1/decisions", "{\"decisionId\":\"anon-1\",\"title\":\"Opening hours\","
          + "\"unit\":\"anon\",\"managerId\":\"m-anon\",\"activityGroup\":\"INTERACTION\",\"occurredAt\":\""
          + at(0) + "\"}"));
      created(manager.post("/api/v1/decisions/anon-1/hearings", "{\"perspective\":\"CUSTOMER\","
          + "\"depth\":\"DIALOGUE\",\"occurredAt\":\"" + at(30) + "\"}"));
      created(manager.post("/api/v1/decisions/anon-1/outcome", "{\"outcome\":\"open until 20:00\","
          + "\"occurredAt\":\"" + at(60 * 24) + "\"}"));

      // Two customers: the group is withheld (2 < 3), and so is the overall group (the same two people).
      feedback(node, "anon-1", "r-a", "CUSTOMER", "{\"clarity\":4,\"speed\":2,\"heard\":1,\"addedValue\":5}",
          at(60 * 48));
      feedback(node, "anon-1", "r-b", "CUSTOMER", "{\"clarity\":5,\"heard\":2,\"addedValue\":4}", at(60 * 48 + 5));
      Views two = settle(kafka, node, stream, "anon-1", 5, "m-anon");
      for (JsonNode scores : two.scores()) {
        assertWithheld(scores.get("overall"), 2);
        assertWithheld(scores.get("byPerspective").get("CUSTOMER"), 2);
        for (String other : List.of("EMPLOYEE", "ORGANIZATION", "OTHER")) {
          assertNobody(scores.get("byPerspective").get(other));
        }
      }

      // A third customer: shown, with the means worked out by hand over the ratings each one gave.
      //   clarity    (4 + 5 + 3) / 3 = 4.0
      //   speed      (2 + 3) / 2     = 2.5     (r-b rated no speed)
      //   heard      (1 + 2 + 2) / 3 = 1.6667  (5/3, rounded half up to 4 decimals)
      //   addedValue (5 + 4 + 4) / 3 = 4.3333  (13/3)
      feedback(node, "anon-1", "r-c", "CUSTOMER", "{\"clarity\":3,\"speed\":3,\"heard\":2,\"addedValue\":4}",
          at(60 * 48 + 10));
      Views three = settle(kafka, node, stream, "anon-1", 6, "m-anon");
      for (JsonNode scores : three.scores()) {
        assertShown(scores.get("overall"), 3, 4.0, 2.5, 1.6667, 4.3333);
        assertShown(scores.get("byPerspective").get("CUSTOMER"), 3, 4.0, 2.5, 1.6667, 4.3333);
        assertNobody(scores.get("byPerspective").get("EMPLOYEE"));
      }

      // r-c answers again, later, now for the employees: r-c's customer feedback is replaced, so the customer
      // group is down to two (withheld again), the employee group has one (withheld), overall still three:
      //   clarity    (4 + 5 + 1) / 3 = 3.3333
      //   speed      (2 + 5) / 2     = 3.5
      //   heard      (1 + 2 + 5) / 3 = 2.6667
      //   addedValue (5 + 4 + 1) / 3 = 3.3333
      feedback(node, "anon-1", "r-c", "EMPLOYEE", "{\"clarity\":1,\"speed\":5,\"heard\":5,\"addedValue\":1}",
          at(60 * 72));
      Views moved = settle(kafka, node, stream, "anon-1", 7, "m-anon");
      for (JsonNode scores : moved.scores()) {
        assertShown(scores.get("overall"), 3, 3.3333, 3.5, 2.6667, 3.3333);
        assertWithheld(scores.get("byPerspective").get("CUSTOMER"), 2);
        assertWithheld(scores.get("byPerspective").get("EMPLOYEE"), 1);
      }

      // The perception gap must not reveal a withheld side: 3 organisation respondents (shown), 2 customers
      // (withheld) on POWER decisions of unit anon-gap → the gap is null; a third customer → the gap is
      //   (ΣC·nO − ΣO·nC) / (nC·nO) = (12·3 − 7·3) / 9 = 15/9 = 1.6667  (C: 5, 4, 3; O: 2, 3, 2)
      Http gapManager = node.manager("m-gap");
      created(gapManager.post("/api/v1/decisions", "{\"decisionId\":\"gap-1\",\"title\":\"Who decides\","
          + "\"unit\":\"anon-gap\",\"managerId\":\"m-gap\",\"activityGroup\":\"POWER\",\"occurredAt\":\""
          + at(0) + "\"}"));
      created(gapManager.post("/api/v1/decisions/gap-1/outcome", "{\"outcome\":\"the board\",\"occurredAt\":\""
          + at(60) + "\"}"));
      feedback(node, "gap-1", "o-1", "ORGANIZATION", "{\"addedValue\":2}", at(120));
      feedback(node, "gap-1", "o-2", "ORGANIZATION", "{\"addedValue\":3}", at(121));
      feedback(node, "gap-1", "o-3", "ORGANIZATION", "{\"addedValue\":2}", at(122));
      feedback(node, "gap-1", "c-1", "CUSTOMER", "{\"addedValue\":5}", at(123));
      feedback(node, "gap-1", "c-2", "CUSTOMER", "{\"addedValue\":4}", at(124));
      Views gapHidden = settle(kafka, node, stream, "gap-1", 7, "m-gap");
      for (JsonNode document : gapHidden.metrics()) {
        assertWithheld(document.get("scores").get("byPerspective").get("CUSTOMER"), 2);
        assertShown(document.get("scores").get("byPerspective").get("ORGANIZATION"), 3, null, null, null, 2.3333);
        assertThat(document.get("perceptionGap").get("POWER").isNull()).as("gap with a withheld side: %s", document)
            .isTrue();
      }
      feedback(node, "gap-1", "c-3", "CUSTOMER", "{\"addedValue\":3}", at(125));
      Views gapShown = settle(kafka, node, stream, "gap-1", 8, "m-gap");
      for (JsonNode document : gapShown.metrics()) {
        assertShown(document.get("scores").get("byPerspective").get("CUSTOMER"), 3, null, null, null, 4.0);
        assertThat(document.get("perceptionGap").get("POWER").asDouble()).as("%s", document).isEqualTo(1.6667);
      }

      // Nowhere, at any moment, was a small group shown: every record ever written to the view topics, and
      // every event streamed, keeps its means to itself.
      assertNothingEverLeaked(kafka, node.node().topics(), stream, 3);
      assertThat(viewer.get("/api/v1/decisions/anon-1/events").body()).doesNotContain("r-a", "r-b", "r-c");

      // Timelines and as-of timelines, for every role: only the auditor and the admin read a feedback.
      Map<String, Http> readers = Map.of("viewer", viewer, "owning manager", manager,
          "another manager", node.manager("m-other"), "auditor", node.auditor(), "admin", node.admin());
      for (String decision : List.of("anon-1", "gap-1")) {
        assertTimelinesShowNoOnesFeedback(decision, readers, node.stakeholder("r-a", "CUSTOMER"));
      }
    }
  }

  /**
   * Every timeline, now and as of each moment of the log, as each role reads it: a viewer or a manager sees
   * that a feedback was recorded (sequence, recordedAt, the hashes that keep the chain checkable) and nothing
   * it said, and the decision as it stood then shows respondent counts but no means (two moments either side
   * of one feedback would give that one respondent's ratings). Auditors and admins see every field.
   */
  private void assertTimelinesShowNoOnesFeedback(String decision, Map<String, Http> readers, Http stakeholder)
      throws Exception {
    String path = "/api/v1/decisions/" + decision + "/events";
    JsonNode full = json.readTree(readers.get("auditor").get(path).body()).get("events");
    List<String> moments = new ArrayList<>();
    full.forEach(event -> moments.add(event.get("recordedAt").asText()));
    int feedbacks = 0;
    for (Map.Entry<String, Http> reader : readers.entrySet()) {
      boolean everything = reader.getKey().equals("auditor") || reader.getKey().equals("admin");
      List<String> asked = new ArrayList<>(List.of(path));
      moments.forEach(moment -> asked.add(path + "?asOf=" + moment));
      for (String query : asked) {
        HttpResponse<String> answer = reader.getValue().get(query);
        assertThat(answer.statusCode()).as("%s %s: %s", reader.getKey(), query, answer.body()).isEqualTo(200);
        JsonNode timeline = json.readTree(answer.body());
        for (JsonNode event : timeline.get("events")) {
          JsonNode logged = full.get(event.get("sequence").asInt() - 1);
          assertThat(event.get("hash")).as("the chain stays checkable").isEqualTo(logged.get("hash"));
          assertThat(event.get("previousHash")).isEqualTo(logged.get("previousHash"));
          assertThat(event.get("recordedAt")).isEqualTo(logged.get("recordedAt"));
          if (!event.get("kind").asText().equals("FeedbackGiven")) {
            assertThat(event).isEqualTo(logged);
          } else if (everything) {
            assertThat(event).isEqualTo(logged);
            assertThat(event.get("data").get("respondentId").asText()).isNotBlank();
            feedbacks++;
          } else {
            assertThat(event.get("data")).as("%s sees %s", reader.getKey(), event).isEmpty();
            for (String hidden : List.of("occurredAt", "actorId", "actorRole", "submissionId")) {
              assertThat(event.get(hidden).isNull()).as("%s of %s for a %s", hidden, event, reader.getKey())
                  .isTrue();
            }
            feedbacks++;
          }
        }
        if (!everything && query.contains("asOf=")) {
          assertNoMeans(timeline.get("decision").get("scores"), reader.getKey() + " " + query);
        }
        if (!everything) {
          assertThat(answer.body()).doesNotContain("private words", "\"r-a\"", "\"r-c\"", "\"o-1\"", "\"c-1\"");
        }
      }
    }
    assertThat(feedbacks).as("feedback entries checked").isGreaterThan(readers.size() * 2);
    assertThat(stakeholder.get(path).statusCode()).as("a stakeholder reads no timeline").isEqualTo(403);
  }

  private static void assertNoMeans(JsonNode scores, String where) {
    List<JsonNode> groups = new ArrayList<>(List.of(scores.get("overall")));
    PERSPECTIVES.forEach(p -> groups.add(scores.get("byPerspective").get(p)));
    for (JsonNode group : groups) {
      MEANS.forEach(mean -> assertThat(group.get(mean).isNull()).as("%s in %s: %s", mean, where, group).isTrue());
      assertThat(group.get("withheld").asBoolean()).as("%s: %s", where, group)
          .isEqualTo(group.get("respondents").asLong() > 0);
    }
  }

  @Test
  void theThresholdIsASettingWithTwoRespondentsAreEnough(KafkaTestEnv kafka, @TempDir Path state) throws Exception {
    try (ConfiguredNode node = ConfiguredNode.start(kafka, state, new Anonymity(2));
         StreamSubscriber stream = StreamSubscriber.subscribed(node.node().url(), node.token(
             new Principal("dashboard", Role.VIEWER, null, null)))) {
      Http manager = node.as(new Principal("m-k2", Role.MANAGER, "m-k2", null));
      created(manager.post("/api/v1/decisions", "{\"decisionId\":\"k2-1\",\"title\":\"Parking\","
          + "\"unit\":\"k2\",\"managerId\":\"m-k2\",\"activityGroup\":\"CONTENT\",\"occurredAt\":\"" + at(0) + "\"}"));
      created(manager.post("/api/v1/decisions/k2-1/outcome", "{\"outcome\":\"permits\",\"occurredAt\":\""
          + at(60) + "\"}"));
      feedback(node.as(stakeholder("r-a", "CUSTOMER")), "k2-1", "r-a", "CUSTOMER",
          "{\"clarity\":4,\"speed\":2,\"heard\":1,\"addedValue\":5}", at(120));
      Views one = settle(node.viewer(), node.node().topics(), kafka, stream, "k2-1", 3, "k2",
          "m-k2");
      for (JsonNode scores : one.scores()) {
        assertWithheld(scores.get("overall"), 1);
        assertWithheld(scores.get("byPerspective").get("CUSTOMER"), 1);
      }
      // Two respondents are enough with K = 2:
      //   clarity (4 + 5) / 2 = 4.5; speed 2 / 1 = 2.0; heard (1 + 2) / 2 = 1.5; addedValue (5 + 4) / 2 = 4.5
      feedback(node.as(stakeholder("r-b", "CUSTOMER")), "k2-1", "r-b", "CUSTOMER", "{\"clarity\":5,\"heard\":2,\"addedValue\":4}",
          at(121));
      Views two = settle(node.viewer(), node.node().topics(), kafka, stream, "k2-1", 4, "k2",
          "m-k2");
      for (JsonNode scores : two.scores()) {
        assertShown(scores.get("overall"), 2, 4.5, 2.0, 1.5, 4.5);
        assertShown(scores.get("byPerspective").get("CUSTOMER"), 2, 4.5, 2.0, 1.5, 4.5);
      }
      assertNothingEverLeaked(kafka, node.node().topics(), stream, 2);
    }
  }

  // --- the scenario's steps

  /** Minutes after the Monday, as the API takes an instant. */
  private static String at(int minutes) {
    return MONDAY.plus(Duration.ofMinutes(minutes)).toString();
  }

  private static Principal stakeholder(String respondent, String perspective) {
    return Principal.stakeholder(respondent, Perspective.valueOf(perspective));
  }

  private static void feedback(TestNode node, String decision, String respondent, String perspective,
      String ratings, String occurredAt) throws Exception {
    feedback(node.stakeholder(respondent, perspective), decision, respondent, perspective, ratings, occurredAt);
  }

  private static void feedback(Http as, String decision, String respondent, String perspective, String ratings,
      String occurredAt) throws Exception {
    created(as.post("/api/v1/decisions/" + decision + "/feedback", "{\"perspective\":\"" + perspective
        + "\",\"respondentId\":\"" + respondent + "\",\"ratings\":" + ratings + ",\"comment\":\"private words of "
        + respondent + "\",\"occurredAt\":\"" + occurredAt + "\"}"));
  }

  private static void created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  // --- every place a score group is shown

  /**
   * Every rendering of the decision and of its unit's and manager's metrics (all time and the week), once the
   * views have folded the decision's event {@code sequence}: HTTP, the view topics (latest per key) and the
   * stream (latest event of each).
   */
  private record Views(List<JsonNode> decisions, List<JsonNode> metrics) {
    /** Every {@code scores} object: the decision's and each metrics document's. */
    List<JsonNode> scores() {
      List<JsonNode> all = new ArrayList<>();
      decisions.forEach(d -> all.add(d.get("scores")));
      metrics.forEach(m -> all.add(m.get("scores")));
      return all;
    }
  }

  private Views settle(KafkaTestEnv kafka, TestNode node, StreamSubscriber stream, String decision, long sequence,
      String managerId) throws Exception {
    await("decision " + decision).atMost(Duration.ofSeconds(30))
        .until(() -> node.viewer().get("/api/v1/decisions/" + decision).statusCode() == 200);
    String unit = json.readTree(node.viewer().get("/api/v1/decisions/" + decision).body()).path("unit").asText();
    return settle(node.viewer(), node.node().topics(), kafka, stream, decision, sequence, unit, managerId);
  }

  private Views settle(Http viewer, KoersTopics topics, KafkaTestEnv kafka, StreamSubscriber stream,
      String decision, long sequence, String unit, String managerId) throws Exception {
    List<String> metricsPaths = List.of("/api/v1/units/" + unit + "/metrics",
        "/api/v1/units/" + unit + "/metrics?week=" + WEEK, "/api/v1/managers/" + managerId + "/metrics",
        "/api/v1/managers/" + managerId + "/metrics?week=" + WEEK);
    List<String> metricsKeys = List.of("UNIT:" + unit + ":ALL", "UNIT:" + unit + ":" + WEEK,
        "MANAGER:" + managerId + ":ALL", "MANAGER:" + managerId + ":" + WEEK);
    // The decision is at its sequence (HTTP, topic, stream), and each metrics document shows the decision's
    // latest feedback count on every surface.
    Duration patience = Duration.ofSeconds(30);
    await("decision " + decision + " at " + sequence).atMost(patience).until(() ->
        sequenceOf(viewer.get("/api/v1/decisions/" + decision)) == sequence);
    JsonNode http = json.readTree(viewer.get("/api/v1/decisions/" + decision).body());
    JsonNode timeline = json.readTree(viewer.get("/api/v1/decisions/" + decision + "/events").body()).get("decision");
    long respondents = http.get("scores").get("overall").get("respondents").asLong();
    await("koers.view.decisions has " + decision + " at " + sequence).atMost(patience).until(() ->
        sequenceIn(latestOf(kafka, topics.viewDecisions(), ViewJson::decision).get(decision)) == sequence);
    await("the stream has " + decision + " at " + sequence).atMost(patience).until(() ->
        sequenceIn(stream.last("decision", d -> d.get("decisionId").asText().equals(decision))) == sequence);
    List<JsonNode> decisions = List.of(http, timeline,
        latestOf(kafka, topics.viewDecisions(), ViewJson::decision).get(decision),
        stream.last("decision", d -> d.get("decisionId").asText().equals(decision)));
    for (JsonNode d : decisions) {
      assertThat(d.get("sequence").asLong()).isEqualTo(sequence);
      assertThat(d.get("scores")).as("the same scores on every surface").isEqualTo(http.get("scores"));
    }

    List<JsonNode> metrics = new ArrayList<>();
    for (String path : metricsPaths) {
      await(path + " counts " + respondents).atMost(patience).until(() -> {
        HttpResponse<String> answer = viewer.get(path);
        return answer.statusCode() == 200 && sameFeedback(json.readTree(answer.body()), http);
      });
      metrics.add(json.readTree(viewer.get(path).body()));
    }
    // The topic and the stream carry exactly what HTTP answers.
    await("the metrics on koers.view.metrics").atMost(patience).until(() -> {
      Map<String, JsonNode> topic = latestOf(kafka, topics.viewMetrics(), ViewJson::metrics);
      return metricsKeys.stream().map(topic::get).toList().equals(metrics);
    });
    await("the metrics on the stream").atMost(patience).until(() -> metrics.stream().allMatch(answered ->
        answered.equals(stream.last("metrics", m -> m.get("scope").equals(answered.get("scope"))
            && m.get("window").equals(answered.get("window"))))));
    return new Views(decisions, metrics);
  }

  /** Both show the same respondents per group: the document has caught up with the decision's feedback. */
  private static boolean sameFeedback(JsonNode document, JsonNode decision) {
    JsonNode a = document.get("scores");
    JsonNode b = decision.get("scores");
    if (a.get("overall").get("respondents").asLong() < b.get("overall").get("respondents").asLong()) {
      return false;
    }
    for (String p : PERSPECTIVES) {
      if (a.get("byPerspective").get(p).get("respondents").asLong()
          != b.get("byPerspective").get(p).get("respondents").asLong()) {
        return false;
      }
    }
    return true;
  }

  private long sequenceOf(HttpResponse<String> answer) throws IOException {
    return answer.statusCode() == 200 ? sequenceIn(json.readTree(answer.body())) : -1;
  }

  private static long sequenceIn(JsonNode decision) {
    return decision == null ? -1 : decision.path("sequence").asLong(-1);
  }

  private <V> Map<String, JsonNode> latestOf(KafkaTestEnv kafka, Topic<String, V> topic,
      Function<V, JsonNode> render) throws IOException {
    Map<String, JsonNode> latest = new HashMap<>();
    for (ConsumerRecord<String, V> record : TopicSnapshot.read(kafka, topic.name(), Serdes.String().deserializer(),
        topic.valueSerde().deserializer())) {
      if (record.value() == null) {
        latest.remove(record.key());
      } else {
        latest.put(record.key(), json.readTree(render.apply(record.value()).toString()));
      }
    }
    return latest;
  }

  // --- what withheld means

  private static void assertWithheld(JsonNode group, long respondents) {
    assertThat(group.get("respondents").asLong()).as("%s", group).isEqualTo(respondents);
    assertThat(group.get("withheld").asBoolean()).as("withheld: %s", group).isTrue();
    for (String mean : MEANS) {
      assertThat(group.get(mean).isNull()).as("%s of a withheld group: %s", mean, group).isTrue();
    }
  }

  private static void assertShown(JsonNode group, long respondents, Double clarity, Double speed, Double heard,
      Double addedValue) {
    assertThat(group.get("respondents").asLong()).as("%s", group).isEqualTo(respondents);
    assertThat(group.get("withheld").asBoolean()).as("shown: %s", group).isFalse();
    Double[] expected = {clarity, speed, heard, addedValue};
    for (int i = 0; i < MEANS.size(); i++) {
      JsonNode mean = group.get(MEANS.get(i));
      if (expected[i] == null) {
        assertThat(mean.isNull()).as("%s: %s", MEANS.get(i), group).isTrue();
      } else {
        assertThat(mean.isNumber()).as("%s: %s", MEANS.get(i), group).isTrue();
        assertThat(mean.asDouble()).as("%s: %s", MEANS.get(i), group).isEqualTo(expected[i]);
      }
    }
  }

  private static void assertNobody(JsonNode group) {
    assertThat(group.get("respondents").asLong()).as("%s", group).isZero();
    assertThat(group.get("withheld").asBoolean()).as("nobody to protect: %s", group).isFalse();
    MEANS.forEach(mean -> assertThat(group.get(mean).isNull()).as("%s: %s", mean, group).isTrue());
  }

  /** Every score group in every record the view topics ever carried, and every event streamed. */
  private void assertNothingEverLeaked(KafkaTestEnv kafka, KoersTopics topics, StreamSubscriber stream, int k)
      throws IOException {
    List<String> leaks = new ArrayList<>();
    int groups = 0;
    for (ConsumerRecord<String, dev.koers.schema.view.MetricsView> r : TopicSnapshot.read(kafka,
        topics.viewMetrics().name(), Serdes.String().deserializer(), topics.viewMetrics().valueSerde().deserializer())) {
      if (r.value() != null) {
        groups += leaks(json.readTree(ViewJson.metrics(r.value()).toString()), k, "topic " + r.key(), leaks);
      }
    }
    for (ConsumerRecord<String, dev.koers.schema.view.DecisionSummary> r : TopicSnapshot.read(kafka,
        topics.viewDecisions().name(), Serdes.String().deserializer(),
        topics.viewDecisions().valueSerde().deserializer())) {
      groups += leaks(json.readTree(ViewJson.decision(r.value()).toString()), k, "topic " + r.key(), leaks);
    }
    List<JsonNode> streamed = new ArrayList<>(stream.data("decision"));
    streamed.addAll(stream.data("metrics"));
    for (JsonNode event : streamed) {
      groups += leaks(event, k, "stream", leaks);
    }
    assertThat(leaks).as("score groups shown with fewer than %d respondents", k).isEmpty();
    assertThat(groups).as("score groups checked").isGreaterThan(100);
  }

  private static int leaks(JsonNode document, int k, String where, List<String> leaks) {
    JsonNode scores = document.get("scores");
    List<JsonNode> groups = new ArrayList<>();
    groups.add(scores.get("overall"));
    PERSPECTIVES.forEach(p -> groups.add(scores.get("byPerspective").get(p)));
    for (JsonNode group : groups) {
      long respondents = group.get("respondents").asLong();
      boolean small = respondents > 0 && respondents < k;
      boolean meansShown = MEANS.stream().anyMatch(m -> !group.get(m).isNull());
      if (group.get("withheld").asBoolean() != small || (small && meansShown)) {
        leaks.add(where + ": " + group + " in " + document);
      }
    }
    return groups.size();
  }

  // --- a node with its own anonymity threshold (TestNode runs the default, K = 3)

  private static final class ConfiguredNode implements AutoCloseable {
    private static final byte[] KEY = "anonymity-it-key-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);
    private final KoersNode node;
    private final TokenMinter minter = new TokenMinter(KEY);

    private ConfiguredNode(KoersNode node) {
      this.node = node;
    }

    static ConfiguredNode start(KafkaTestEnv kafka, Path stateDir, Anonymity anonymity) throws InterruptedException {
      return new ConfiguredNode(KoersNode.start(new NodeSettings(kafka.bootstrapServers(),
          kafka.uniqueName("anon") + ".", 3, (short) 1, stateDir, "127.0.0.1", 0, Duration.ofSeconds(20),
          Duration.ofMinutes(2), TokenSettings.local(KEY), "127.0.0.1", EnumSet.allOf(NodePart.class), anonymity,
          StreamLimits.DEFAULT, SubmissionKey.random()),
          line -> { }));
    }

    KoersNode node() {
      return node;
    }

    String token(Principal principal) {
      return minter.mint(principal, Duration.ofHours(1), Instant.now());
    }

    Http as(Principal principal) {
      return new Http(node.url(), token(principal));
    }

    Http viewer() {
      return as(new Principal("it-viewer", Role.VIEWER, null, null));
    }

    @Override
    public void close() {
      node.close();
    }
  }
}
