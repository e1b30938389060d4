package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.client.KoersClient;
import dev.koers.client.Submissions;
import dev.koers.schema.Accepted;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Outcome;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 2: a decision with 10,000 events from 5,000 respondents, each event's feedback comment long
 * enough that the whole history as one record (the views' old layout) would pass Kafka's 1 MB. Submitted
 * through the Java client to a real ledger on a real broker; its timeline, an as-of query, its metrics and the
 * auditor's replay all answer, and agree.
 */
@KafkaIntegrationTest
class LongDecisionIT {

  private static final String ID = "long-1";
  private static final String UNIT = "long-unit";
  private static final int RESPONDENTS = 5_000;
  private static final int EVENTS = 10_000;
  /** Opening, two hearings, the decision. */
  private static final int BEFORE_FEEDBACK = 4;
  /** 10,000 events of at least this much make a history of several MB. */
  private static final String COMMENT = "The new rooms are fine, but the booking rules were never explained to us; "
      + "we found out by trying. Next time, tell the people who book.";
  private static final int BATCH = 1_000;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aDecisionOfTenThousandEventsAnswersItsTimelineAsOfMetricsAndReplay(KafkaTestEnv kafka, @TempDir Path dir)
      throws Exception {
    String prefix = kafka.uniqueName("long") + ".";
    try (TestNode node = TestNode.start(kafka, dir.resolve("state"), Duration.ofSeconds(30), prefix);
         KoersClient client = new KoersClient(kafka.bootstrapServers(), node.node().topics(), "survey-import",
             Duration.ofSeconds(120), TestNode.SUBMISSION_KEY)) {
      Instant openedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(3));
      Submissions anna = Submissions.by("m-anna", Role.MANAGER);
      List<Submission> commands = new ArrayList<>(List.of(
          anna.of("open", ID, openedAt, new OpenDecision("Meeting rooms for everyone", "why", UNIT, "m-anna",
              ActivityGroup.CONTENT, null, null)),
          anna.of("hear-1", ID, openedAt.plusSeconds(60),
              new HearPerspective(Perspective.CUSTOMER, Depth.DIALOGUE, null, null)),
          anna.of("hear-2", ID, openedAt.plusSeconds(120),
              new HearPerspective(Perspective.EMPLOYEE, Depth.CONSULTED, null, null)),
          anna.of("decide", ID, openedAt.plusSeconds(600), new MakeDecision("bookable by all", null, false))));
      // Every respondent once, then all but four a second time, later: 10,000 events in all.
      int feedback = EVENTS - BEFORE_FEEDBACK;
      for (int i = 0; i < feedback; i++) {
        int respondent = i % RESPONDENTS;
        String respondentId = String.format("r-%04d", respondent);
        Perspective perspective = respondent % 2 == 0 ? Perspective.CUSTOMER : Perspective.EMPLOYEE;
        commands.add(Submissions.by(respondentId, Role.STAKEHOLDER).of("fb-" + i, ID,
            openedAt.plusSeconds(3_600).plusMillis(i), new GiveFeedback(perspective, respondentId, null,
                1 + i % 5, null, null, 1 + (i / RESPONDENTS) * 3, COMMENT)));
      }
      long start = System.nanoTime();
      // One decision is one partition, so the ledger appends in submission order; in batches, to bound what
      // is in flight.
      for (int from = 0; from < commands.size(); from += BATCH) {
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (Submission submission : commands.subList(from, Math.min(from + BATCH, commands.size()))) {
          outcomes.add(client.submit(submission));
        }
        for (CompletableFuture<Outcome> outcome : outcomes) {
          assertThat(outcome.get().getResult()).isInstanceOf(Accepted.class);
        }
      }

      log("the ledger accepted %d submissions in %d ms", commands.size(), millisSince(start));
      long submitted = System.nanoTime();
      Http auditor = node.auditor();
      await("the views fold all 10,000 events").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
          .until(() -> sequenceOf(auditor.get("/api/v1/decisions/" + ID)) == EVENTS);

      // The decision and its metrics: 5,000 distinct respondents, each counted once.
      JsonNode decision = json.readTree(auditor.get("/api/v1/decisions/" + ID).body());
      assertThat(decision.at("/scores/overall/respondents").asLong()).isEqualTo(RESPONDENTS);
      // The unit's aggregates follow through a repartition topic, after the decision.
      await("the unit's metrics count every respondent").atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> respondentsOf(auditor.get("/api/v1/units/" + UNIT + "/metrics")) == RESPONDENTS);
      log("the views folded %d events and the unit's metrics counted %d respondents %d ms after the last outcome",
          EVENTS, RESPONDENTS, millisSince(submitted));

      // The timeline: every event, in sequence order.
      long queried = System.nanoTime();
      JsonNode timeline = json.readTree(auditor.get("/api/v1/decisions/" + ID + "/events").body());
      JsonNode events = timeline.get("events");
      assertThat(events).hasSize(EVENTS);
      for (int i = 0; i < EVENTS; i++) {
        assertThat(events.get(i).get("sequence").asLong()).isEqualTo(i + 1);
      }
      assertThat(timeline.get("decision")).isEqualTo(decision);
      log("the timeline of %d events answered in %d ms", EVENTS, millisSince(queried));

      // As of the moment the middle event was recorded: the log up to it, as the auditor rebuilds it too.
      List<DecisionEvent> log = node.eventsOf(ID);
      assertThat(log).hasSize(EVENTS);
      Instant middle = log.get(EVENTS / 2 - 1).getRecordedAt();
      long knownThen = log.stream().takeWhile(e -> !e.getRecordedAt().isAfter(middle)).count();
      JsonNode asOf = json.readTree(auditor.get("/api/v1/decisions/" + ID + "/events?asOf=" + middle).body());
      assertThat(asOf.get("events")).hasSize((int) knownThen);
      assertThat(asOf.at("/decision/sequence").asLong()).isEqualTo(knownThen);
      assertThat(replay(kafka, prefix, dir, middle).get("decisions").get(0)).isEqualTo(asOf.get("decision"));

      // The auditor's replay of the whole log agrees with the live decision and its unit's scores.
      long replaying = System.nanoTime();
      JsonNode replayed = replay(kafka, prefix, dir, null);
      log("the auditor's replay of the decision took %d ms", millisSince(replaying));
      assertThat(replayed.get("decisions").get(0)).isEqualTo(decision);
      assertThat(replayed.toString()).contains("\"respondents\":" + RESPONDENTS);
    }
  }

  private long respondentsOf(HttpResponse<String> answer) throws Exception {
    return answer.statusCode() == 200 ? json.readTree(answer.body()).at("/scores/overall/respondents").asLong() : -1;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void log(String format, Object... args) {
    System.out.printf("[LongDecisionIT] " + format + "%n", args);
  }

  private long sequenceOf(HttpResponse<String> answer) throws Exception {
    return answer.statusCode() == 200 ? json.readTree(answer.body()).get("sequence").asLong() : -1;
  }

  private JsonNode replay(KafkaTestEnv kafka, String prefix, Path dir, Instant asOf) throws Exception {
    Path out = dir.resolve("replay-" + (asOf == null ? "now" : asOf.toEpochMilli()) + ".json");
    List<String> args = new ArrayList<>(List.of("audit", "replay", "--bootstrap-servers", kafka.bootstrapServers(),
        "--topic-prefix", prefix, "--decision", ID, "--quiet", "--out", out.toString()));
    if (asOf != null) {
      args.addAll(List.of("--as-of", asOf.toString()));
    }
    assertThat(KoersMain.commandLine().execute(args.toArray(String[]::new))).isZero();
    return json.readTree(out.toFile());
  }
}
