package dev.koers.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.client.KoersClient;
import dev.koers.schema.Accepted;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Outcome;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.testkit.TopicReader;
import dev.koers.wire.DeadLetter;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import dev.koers.wire.TopicProvisioner;
import dev.koers.wire.proof.SubmissionKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes on the submissions topic that are not a submission go to the dead-letter topic, byte for byte, with
 * headers naming the failure and the exact record it was (topic, partition, offset); the valid submissions
 * around them are all accepted, in order, and the ledger keeps running on its first stream thread.
 */
@KafkaIntegrationTest
class PoisonInputIT {

  private static final Instant OPENED = Instant.now().minus(Duration.ofDays(2));

  /** A record that is not a submission, and what the ledger must say about it. */
  private record Poison(String name, byte[] key, byte[] value, Headers headers, String code, String saying) {}

  /** Where a poison record landed. */
  private record Sent(Poison poison, RecordMetadata where) {}

  @TempDir
  Path stateDir;

  private final SubmissionKey submissionKey = SubmissionKey.random();
  private KafkaTestEnv env;
  private KoersTopics topics;
  private String applicationId;
  private StreamsService ledger;
  private KoersClient client;
  private KafkaProducer<byte[], byte[]> raw;

  @BeforeEach
  void setUp(KafkaTestEnv env) throws InterruptedException {
    this.env = env;
    String prefix = env.uniqueName("ledger-poison") + ".";
    topics = new KoersTopics(prefix, 3);
    applicationId = prefix + Ledger.APPLICATION_ID;
    new TopicProvisioner(env.admin(), (short) -1).ensure(topics.all());
    ledger = Ledger.create(topics, new StreamsSettings(env.bootstrapServers(), applicationId, stateDir, (short) -1,
        100, null), Duration.ofMinutes(2), submissionKey).start();
    assertThat(ledger.awaitRunning(Duration.ofSeconds(60))).isTrue();
    client = new KoersClient(env.bootstrapServers(), topics, prefix + "client", Duration.ofSeconds(30),
        submissionKey);
    Map<String, Object> config = env.clientConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    raw = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @AfterEach
  void tearDown() {
    raw.close(Duration.ofSeconds(5));
    client.close();
    ledger.close();
  }

  @Test
  void unreadableRecordsAreDeadLetteredPointingAtTheOriginalAndTheValidOnesAroundThemAreAccepted()
      throws Exception {
    byte[] valid = encode(hearing("d-1", "s-template"));
    List<Poison> poisons = List.of(
        new Poison("garbage", utf8("d-1"), utf8("this is not a submission"),
            new RecordHeaders().add("trace-id", utf8("t-42")), "UNREADABLE_SUBMISSION", "Submission"),
        new Poison("unknown schema", utf8("d-1"), withFingerprint(valid, 0x0123456789ABCDEFL), new RecordHeaders(),
            "UNREADABLE_SUBMISSION", "fingerprint"),
        new Poison("null value", utf8("d-1"), null, new RecordHeaders(), "NULL_SUBMISSION", "value"),
        new Poison("key mismatch", utf8("d-1"), encode(hearing("d-2", "s-other")), new RecordHeaders(),
            "KEY_MISMATCH", "d-2"),
        new Poison("key not UTF-8", new byte[] {(byte) 0xFF, (byte) 0xFE, 'd'}, encode(hearing("d-1", "s-bad-key")),
            new RecordHeaders(), "KEY_MISMATCH", "d-1"),
        // A valid header and fingerprint, then a string that claims two billion bytes: without Avro's length
        // limits the decoder's allocation fails with an OutOfMemoryError, killing the stream thread on every retry.
        new Poison("forged length", utf8("d-1"), forgedLength(valid, 2_000_000_000L), new RecordHeaders(),
            "UNREADABLE_SUBMISSION", "length"));

    List<Outcome> outcomes = new ArrayList<>();
    List<Sent> sent = new ArrayList<>();
    outcomes.add(client.submitAndWait(opening("d-1", "s-open")));
    for (Poison poison : poisons) {
      sent.add(new Sent(poison, raw.send(new ProducerRecord<>(topics.submissions().name(), null, poison.key(),
          poison.value(), poison.headers())).get(30, TimeUnit.SECONDS)));
      outcomes.add(client.submitAndWait(hearing("d-1", "s-after-" + poison.name().replace(' ', '-'))));
    }
    outcomes.add(client.submitAndWait(decision("d-1", "s-decide")));

    assertThat(outcomes).as("every valid submission around the poison is accepted, in order")
        .allSatisfy(o -> assertThat(o.getResult()).isInstanceOf(Accepted.class))
        .extracting(o -> ((Accepted) o.getResult()).getSequence())
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    List<ConsumerRecord<byte[], byte[]>> deadLetters = awaitDeadLetters(poisons.size());
    for (Sent s : sent) {
      assertThat(deadLetters).as(s.poison().name()).filteredOn(r -> offsetOf(r).equals(s.where().offset())
              && partitionOf(r).equals(s.where().partition()))
          .singleElement()
          .satisfies(letter -> isTheOriginalWithItsError(letter, s));
    }
    assertThat(ledger.isRunning()).isTrue();
    assertThat(ledger.streams().metadataForLocalThreads()).extracting(ThreadMetadata::threadName)
        .as("no stream thread died and was replaced").singleElement()
        .satisfies(name -> assertThat(name).endsWith("-StreamThread-1"));
    try (TopicReader<String, DecisionEvent> events = new TopicReader<>(env.bootstrapServers(),
        topics.events().name(), IsolationLevel.READ_COMMITTED, Serdes.String().deserializer(),
        topics.events().valueSerde().deserializer())) {
      assertThat(events.values()).as("nothing of the poison reaches the log").hasSize(8)
          .extracting(DecisionEvent::getSubmissionId).noneMatch(id -> id.equals("s-other") || id.equals("s-bad-key"));
    }
  }

  private void isTheOriginalWithItsError(ConsumerRecord<byte[], byte[]> letter, Sent sent) {
    Poison poison = sent.poison();
    assertThat(letter.key()).isEqualTo(poison.key());
    assertThat(letter.value()).isEqualTo(poison.value());
    assertThat(header(letter, DeadLetter.ERROR_CODE)).isEqualTo(poison.code());
    assertThat(header(letter, DeadLetter.ERROR_MESSAGE)).contains(poison.saying());
    assertThat(header(letter, DeadLetter.SOURCE_TOPIC)).isEqualTo(topics.submissions().name());
    assertThat(header(letter, DeadLetter.SOURCE_PARTITION)).isEqualTo(String.valueOf(sent.where().partition()));
    assertThat(header(letter, DeadLetter.SOURCE_OFFSET)).isEqualTo(String.valueOf(sent.where().offset()));
    assertThat(header(letter, DeadLetter.SOURCE_APPLICATION)).isEqualTo(applicationId);
    for (Header original : poison.headers()) {
      assertThat(header(letter, original.key())).as("the original's own headers stay")
          .isEqualTo(new String(original.value(), StandardCharsets.UTF_8));
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> awaitDeadLetters(int count) {
    try (TopicReader<byte[], byte[]> reader = new TopicReader<>(env.bootstrapServers(), topics.deadLetter().name(),
        IsolationLevel.READ_COMMITTED, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer())) {
      return await("dead letters").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(reader::catchUp, letters -> letters.size() >= count);
    }
  }

  private static Long offsetOf(ConsumerRecord<byte[], byte[]> letter) {
    return Long.valueOf(header(letter, DeadLetter.SOURCE_OFFSET));
  }

  private static Integer partitionOf(ConsumerRecord<byte[], byte[]> letter) {
    return Integer.valueOf(header(letter, DeadLetter.SOURCE_PARTITION));
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private byte[] encode(Submission submission) {
    return topics.submissions().valueSerde().serializer().serialize(topics.submissions().name(), submission);
  }

  /** The same record under a fingerprint no released schema has. */
  private static byte[] withFingerprint(byte[] singleObject, long fingerprint) {
    byte[] copy = singleObject.clone();
    for (int i = 0; i < 8; i++) {
      copy[2 + i] = (byte) (fingerprint >>> (8 * i));
    }
    return copy;
  }

  /** The submission's real header and fingerprint, then a first string whose length is {@code length}. */
  private static byte[] forgedLength(byte[] singleObject, long length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(singleObject, 0, 10);
    long zigzag = length << 1;
    while ((zigzag & ~0x7FL) != 0) {
      out.write((int) ((zigzag & 0x7F) | 0x80));
      zigzag >>>= 7;
    }
    out.write((int) zigzag);
    out.writeBytes(utf8("abc"));
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Submission opening(String decisionId, String submissionId) {
    return new Submission(submissionId, decisionId, Instant.now(), OPENED, new Actor("m-1", Role.MANAGER), null,
        new OpenDecision("Badge policy for contractors", null, "unit-1", "m-1", ActivityGroup.POWER, null, null));
  }

  private static Submission hearing(String decisionId, String submissionId) {
    return new Submission(submissionId, decisionId, Instant.now(), OPENED.plus(Duration.ofHours(1)),
        new Actor("m-1", Role.MANAGER), null, new HearPerspective(Perspective.EMPLOYEE, Depth.CONSULTED, null,
        null));
  }

  private static Submission decision(String decisionId, String submissionId) {
    return new Submission(submissionId, decisionId, Instant.now(), OPENED.plus(Duration.ofHours(2)),
        new Actor("m-1", Role.MANAGER), null, new MakeDecision("Badges for all contractors", null, true));
  }
}
