package dev.koers.audit.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.audit.log.RawRecord;
import dev.koers.audit.log.RecordPosition;
import dev.koers.domain.HashChain;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.schema.event.PerspectiveHeard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

/** The fast reader reads what Avro's reader reads, and fails where it fails, for the schema it was written for. */
class CurrentEventReaderTest {

  private static final Schema SCHEMA = DecisionEvent.getClassSchema();
  private static final byte[] HEADER = ByteBuffer.allocate(EventDecoder.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
      .put((byte) 0xC3).put((byte) 0x01).putLong(SchemaNormalization.parsingFingerprint64(SCHEMA)).array();

  // Zigzag bytes of 0..6, -1, -2, 63 and -64: union indexes and enum ordinals just in or out of range.
  private static final byte[] SMALL_INTS = {0, 2, 4, 6, 8, 10, 12, 1, 3, 0x7E, 0x7F};

  private final SpecificDatumReader<DecisionEvent> avro =
      new SpecificDatumReader<>(SCHEMA, SCHEMA, SpecificData.getForSchema(SCHEMA));
  private final EventDecoder eventDecoder = new EventDecoder(WriterSchemas.ofDecisionEvents());
  private final RandomEvents random = new RandomEvents(20260302L);

  @Test
  void isWrittenForTheCurrentSchema() {
    assertThat(Long.toHexString(CurrentEventReader.WRITTEN_FOR))
        .as("DecisionEvent's schema changed (schemas/src/main/avro): update CurrentEventReader to read it, "
            + "then its WRITTEN_FOR")
        .isEqualTo(Long.toHexString(SchemaNormalization.parsingFingerprint64(SCHEMA)));
    assertThat(CurrentEventReader.reads(CurrentEventReader.WRITTEN_FOR)).isTrue();
  }

  @Test
  void convertsTheLogicalTypesTheSchemaHas() {
    // The fingerprint leaves logical types out: a change to them must fail here too.
    assertThat(SchemaPlaces.logicalTypes(SCHEMA))
        .as("a logical type in DecisionEvent's schema changed: update CurrentEventReader")
        .containsExactly(".occurredAt: timestamp-millis", ".payload(DecisionOpened).dueBy(long): timestamp-millis",
            ".recordedAt: timestamp-millis");
  }

  @Test
  void readsWhatAvroReadsOfThousandsOfRandomEvents() throws IOException {
    SchemaPlaces seen = new SchemaPlaces();
    for (int i = 0; i < 5_000; i++) {
      DecisionEvent event = random.next();
      byte[] body = random.body(event);

      AvroBytes fastIn = new AvroBytes().reset(body, 0, body.length);
      DecisionEvent fast = CurrentEventReader.read(fastIn);
      BinaryDecoder avroIn = DecoderFactory.get().binaryDecoder(body, null);
      DecisionEvent slow = avro.read(null, avroIn);

      assertThat(fast).as("event %d", i).isEqualTo(slow).isEqualTo(event);
      assertThat(fastIn.isEnd()).as("event %d read to its end", i).isTrue();
      assertThat(avroIn.isEnd()).isTrue();
      seen.add(SCHEMA, fast);
    }
    assertThat(seen.places()).as("every union branch and enum symbol, wherever it can be")
        .containsAll(SchemaPlaces.all(SCHEMA));
  }

  @Test
  void everyTruncationAndManyChangedBytesGiveWhatAvroGives() {
    Random change = new Random(7L);
    int events = 0;
    while (events < 300) {
      byte[] value = value(random.body(random.next()));
      if (value.length > 4_096) {
        continue; // every prefix of a long record would only repeat itself, slowly
      }
      events++;
      assertThat(throughEventDecoder(value)).as("sound").isPresent().isEqualTo(throughAvro(value));
      for (int length = EventDecoder.HEADER_BYTES; length < value.length; length++) {
        assertSameOutcome(Arrays.copyOf(value, length), "truncated to " + length + " bytes");
      }
      for (int i = 0; i < 200; i++) {
        byte[] changed = value.clone();
        int at = EventDecoder.HEADER_BYTES + change.nextInt(value.length - EventDecoder.HEADER_BYTES);
        changed[at] = change.nextBoolean() ? SMALL_INTS[change.nextInt(SMALL_INTS.length)]
            : (byte) (changed[at] ^ (1 + change.nextInt(255)));
        assertSameOutcome(changed, "byte " + at + " changed");
      }
    }
  }

  @Test
  void aUnionIndexOrEnumOrdinalOutOfRangeIsAReasonNotAnException() {
    byte[] body = random.body(new DecisionEvent("e-1", "d-1", 1L, Instant.EPOCH, Instant.EPOCH,
        new Actor("m-1", Role.MANAGER), "s-1", HashChain.GENESIS,
        new PerspectiveHeard(Perspective.CUSTOMER, Depth.DIALOGUE, null, null), HashChain.GENESIS));
    // The body ends: payload index 1, perspective 0, depth 2, label and summary null, then the 32-byte hash.
    int payload = body.length - 37;
    assertThat(Arrays.copyOfRange(body, payload, payload + 5)).containsExactly(zigzag(1), 0, zigzag(2), 0, 0);

    assertThat(reasonWith(body, payload, 7)).startsWith("cannot decode the event: ").contains("payload union index 7");
    assertThat(reasonWith(body, payload, -1)).contains("payload union index -1");
    assertThat(reasonWith(body, payload + 1, 4)).contains("PerspectiveHeard.perspective: enum ordinal 4");
    assertThat(reasonWith(body, payload + 2, -1)).contains("PerspectiveHeard.depth: enum ordinal -1");
    assertThat(reasonWith(body, payload + 3, 2)).contains("PerspectiveHeard.label: union index 2");
  }

  @Test
  void aStringLongerThanAnyJavaArrayIsAReasonNotAnException() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(body, null);
    encoder.writeLong(1L << 32); // the eventId's length
    encoder.writeFixed(new byte[40]);
    byte[] value = value(body.toByteArray());

    assertThat(throughAvro(value)).isEmpty();
    assertThat(eventDecoder.decode(record(value))).isInstanceOfSatisfying(UnreadableRecord.class,
        r -> assertThat(r.reason()).contains("Cannot read strings longer than"));
  }

  /** The reason EventDecoder gives once the byte at {@code at} is set to a small int; Avro fails on it too. */
  private String reasonWith(byte[] body, int at, int small) {
    byte[] changed = body.clone();
    changed[at] = zigzag(small);
    byte[] value = value(changed);
    assertThat(throughAvro(value)).isEmpty();
    ReadRecord read = eventDecoder.decode(record(value));
    assertThat(read).isInstanceOf(UnreadableRecord.class);
    return ((UnreadableRecord) read).reason();
  }

  private static byte zigzag(int small) {
    return (byte) ((small << 1) ^ (small >> 31));
  }

  private void assertSameOutcome(byte[] value, String what) {
    assertThat(throughEventDecoder(value)).as(what).isEqualTo(throughAvro(value));
  }

  /** The event EventDecoder logs for this value, or empty when it finds the record unreadable. */
  private Optional<DecisionEvent> throughEventDecoder(byte[] value) {
    return eventDecoder.decode(record(value)) instanceof LoggedEvent logged
        ? Optional.of(logged.event()) : Optional.empty();
  }

  /** What EventDecoder gave for a value with the current schema's header before it had the fast path. */
  private Optional<DecisionEvent> throughAvro(byte[] value) {
    if (value.length < EventDecoder.HEADER_BYTES + HashChain.HASH_BYTES) {
      return Optional.empty();
    }
    try {
      BinaryDecoder in = DecoderFactory.get()
          .binaryDecoder(value, EventDecoder.HEADER_BYTES, value.length - EventDecoder.HEADER_BYTES, null);
      DecisionEvent event = avro.read(null, in);
      return in.isEnd() ? Optional.of(event) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] value(byte[] body) {
    byte[] value = Arrays.copyOf(HEADER, HEADER.length + body.length);
    System.arraycopy(body, 0, value, HEADER.length, body.length);
    return value;
  }

  private static RawRecord record(byte[] value) {
    return new RawRecord(new RecordPosition("koers.decision.events", 0, 0), null, value);
  }
}
