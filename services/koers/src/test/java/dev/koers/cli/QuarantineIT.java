package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.audit.cli.ExitCodes;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.event.PerspectiveHeard;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.testkit.TopicSnapshot;
import dev.koers.wire.AvroSerde;
import dev.koers.wire.DeadLetter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Poison written straight to the log (as an older version or a hand would) costs its own decision only: the
 * others and the aggregates are served, the quarantined one answers its problem, a restart changes nothing,
 * and the auditor's verify reports the same records.
 */
@KafkaIntegrationTest
class QuarantineIT {

  /** "0001-01-01T00:00:00+01:00": year 0 in UTC, which no ISO week holds. */
  private static final Instant YEAR_ZERO = Instant.parse("0000-12-31T23:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aPoisonEventCostsOnlyItsDecisionAcrossARestartAndTheAuditReportsIt(KafkaTestEnv kafka,
      @TempDir Path stateDir) throws Exception {
    String prefix = kafka.uniqueName("quarantine") + ".";
    String eventsTopic;
    try (TestNode node = TestNode.start(kafka, stateDir, Duration.ofSeconds(10), prefix)) {
      Http admin = node.admin();
      eventsTopic = node.node().topics().events().name();
      for (String id : List.of("q-good", "q-bad", "q-junk")) {
        assertThat(admin.post("/api/v1/decisions", "{\"decisionId\":\"" + id + "\",\"title\":\"t\",\"unit\":\"north\","
            + "\"managerId\":\"m-1\",\"activityGroup\":\"CONTENT\"}").statusCode()).isEqualTo(201);
      }
      await().atMost(WAIT).until(() -> admin.get("/api/v1/decisions/q-junk").statusCode() == 200
          && admin.get("/api/v1/decisions/q-bad").statusCode() == 200);

      // An event written by hand: year 0, and sealed with no hash of its own (it keeps its opening's).
      DecisionEvent opened = node.eventsOf("q-bad").get(0);
      DecisionEvent poison = DecisionEvent.newBuilder(opened).setEventId("by-hand").setSequence(2)
          .setPreviousHash(opened.getHash()).setOccurredAt(YEAR_ZERO)
          .setPayload(new PerspectiveHeard(Perspective.CUSTOMER, Depth.DIALOGUE, null, null)).build();
      write(kafka, eventsTopic, "q-bad", AvroSerde.of(DecisionEvent.class).encode(poison));
      write(kafka, eventsTopic, "q-junk", new byte[] {0, 1, 2});
      // The ledger never saw the poison: it appends the decision's next event, which the views hold back.
      assertThat(hear(admin, "q-bad").statusCode()).isEqualTo(201);
      assertThat(hear(admin, "q-good").statusCode()).isEqualTo(201);

      await().atMost(WAIT).until(() -> quarantined(admin, "/api/v1/decisions/q-bad")
          && quarantined(admin, "/api/v1/decisions/q-junk"));
      await().atMost(WAIT).until(() -> json.readTree(admin.get("/api/v1/decisions/q-good").body())
          .get("sequence").asLong() == 2);
      assertServedAsBefore(admin);

      Map<String, JsonNode> entries = quarantine(admin);
      assertThat(entries.get("q-bad").get("code").asText()).isEqualTo("UNFOLDABLE_EVENT");
      assertThat(entries.get("q-bad").get("error").asText()).contains("ISO week");
      assertThat(entries.get("q-bad").get("topic").asText()).isEqualTo(eventsTopic);
      assertThat(entries.get("q-bad").get("sequence").asLong()).isEqualTo(2);
      assertThat(entries.get("q-junk").get("code").asText()).isEqualTo("UNREADABLE_EVENT");

      HttpResponse<String> ready = admin.get("/ready");
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(json.readTree(ready.body()).get("quarantinedDecisions").asInt()).isEqualTo(2);
      assertThat(admin.get("/metrics").body()).contains("koers_views_quarantined_decisions 2.0",
          "koers_views_quarantine_held_events 1.0");
      List<ConsumerRecord<byte[], byte[]>> letters = TopicSnapshot.read(kafka,
          node.node().topics().deadLetter().name(), Serdes.ByteArray().deserializer(),
          Serdes.ByteArray().deserializer());
      assertThat(letters).map(r -> header(r, DeadLetter.ERROR_CODE))
          .containsExactlyInAnyOrder("UNFOLDABLE_EVENT", "UNREADABLE_EVENT");
      assertThat(letters).map(r -> header(r, DeadLetter.SOURCE_TOPIC)).containsOnly(eventsTopic);
    }

    try (TestNode node = TestNode.start(kafka, stateDir, Duration.ofSeconds(10), prefix)) {
      Http admin = node.admin();
      await().atMost(WAIT).until(() -> admin.get("/api/v1/decisions/q-good").statusCode() == 200);
      // After its start the views fold the held records again (this version still cannot): nothing changes.
      await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> quarantined(admin, "/api/v1/decisions/q-bad"));
      assertServedAsBefore(admin);
      assertThat(quarantine(admin).keySet()).containsExactlyInAnyOrder("q-bad", "q-junk");
      assertThat(quarantine(admin).get("q-bad").get("heldEvents").asLong()).isEqualTo(1);
    }

    StringWriter out = new StringWriter();
    CommandLine verify = KoersMain.commandLine();
    verify.setOut(new PrintWriter(out, true));
    int exit = verify.execute("audit", "verify", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix",
        prefix, "--quiet");
    assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.BROKEN);
    assertThat(out.toString()).contains("HASH_MISMATCH decision=q-bad sequence=2 topic=" + eventsTopic,
        "UNDECODABLE decision=q-junk");
  }

  /** Every other decision, the list and the aggregates are served; the quarantined one answers its problem. */
  private void assertServedAsBefore(Http admin) throws Exception {
    assertThat(admin.get("/api/v1/decisions/q-good").statusCode()).isEqualTo(200);
    assertThat(admin.get("/api/v1/decisions/q-good/events").statusCode()).isEqualTo(200);
    for (String path : List.of("/api/v1/decisions/q-bad", "/api/v1/decisions/q-bad/events",
        "/api/v1/decisions/q-bad/events?asOf=2026-01-01T00:00:00Z")) {
      HttpResponse<String> answer = admin.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(503);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(answer.headers().firstValue("Retry-After")).as("waiting does not help").isEmpty();
      assertThat(answer.body()).contains("urn:koers:problem:decision-quarantined", "ISO week");
    }
    JsonNode list = json.readTree(admin.get("/api/v1/decisions?unit=north").body());
    assertThat(list.get("items").findValuesAsText("decisionId")).containsExactly("q-good");
    // The aggregates keep what each quarantined decision contributed before its poison: its opening.
    JsonNode north = json.readTree(admin.get("/api/v1/units/north/metrics").body());
    assertThat(north.toString()).contains("\"opened\":3");
  }

  private boolean quarantined(Http admin, String path) throws Exception {
    HttpResponse<String> answer = admin.get(path);
    return answer.statusCode() == 503 && answer.body().contains("decision-quarantined");
  }

  private Map<String, JsonNode> quarantine(Http admin) throws Exception {
    HttpResponse<String> answer = admin.get("/api/v1/admin/quarantine");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    Map<String, JsonNode> entries = new HashMap<>();
    json.readTree(answer.body()).get("items").forEach(item -> entries.put(item.get("decisionId").asText(), item));
    return entries;
  }

  private static HttpResponse<String> hear(Http admin, String id) throws Exception {
    return admin.post("/api/v1/decisions/" + id + "/hearings", "{\"perspective\":\"CUSTOMER\",\"depth\":\"DIALOGUE\"}");
  }

  private static void write(KafkaTestEnv kafka, String topic, String key, byte[] value) throws Exception {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
