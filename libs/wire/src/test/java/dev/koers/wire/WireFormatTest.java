package dev.koers.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.koers.schema.Accepted;
import dev.koers.schema.Outcome;
import dev.koers.schema.Rejected;
import dev.koers.schema.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.SchemaStore;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Checks docs/wire-format.md statement by statement, using only plain Avro and the shipped .avsc files. */
class WireFormatTest {

  private static final Instant AT = Instant.parse("2026-11-27T09:30:00.123Z");

  private final AvroSerde<Outcome> serde = AvroSerde.of(Outcome.class);

  @Test
  void aValueStartsWithTheSingleObjectMarker() {
    byte[] bytes = serde.encode(accepted());
    assertThat(Arrays.copyOfRange(bytes, 0, 2)).containsExactly(0xC3, 0x01);
  }

  @Test
  void thenTheLittleEndianRabinFingerprintOfTheWriterSchemasCanonicalForm() throws IOException {
    byte[] bytes = serde.encode(accepted());
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    String canonical = org.apache.avro.SchemaNormalization.toParsingForm(releasedOutcomeSchema());
    assertThat(fingerprint).isEqualTo(crc64Avro(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void thenTheAvroBinaryBodyThatAPlainReaderDecodesWithOnlyTheAvscFile() throws IOException {
    byte[] bytes = serde.encode(accepted());
    Schema writer = releasedOutcomeSchema();
    GenericRecord record = new GenericDatumReader<GenericRecord>(writer)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, 10, bytes.length - 10, null));
    assertThat(record.get("submissionId").toString()).isEqualTo("s-1");
    assertThat(record.get("decisionId").toString()).isEqualTo("d-1");
    assertThat(record.get("recordedAt")).isEqualTo(AT.toEpochMilli());
    GenericRecord result = (GenericRecord) record.get("result");
    assertThat(result.getSchema().getName()).isEqualTo("Accepted");
    assertThat(result.get("sequence")).isEqualTo(7L);
    assertThat(((GenericData.Fixed) result.get("hash")).bytes()).hasSize(32);
  }

  @Test
  void aRecordWrittenWithAnOlderReleasedSchemaIsReadByTheCurrentClasses() throws IOException {
    // An imagined earlier release whose Rejected had no currentSequence yet.
    Schema older = new Schema.Parser().parse(Outcome.getClassSchema().toString()
        .replace(",{\"name\":\"currentSequence\",\"type\":[\"null\",\"long\"],\"doc\":\"The decision's sequence "
            + "when rejected; null when the decision does not exist.\",\"default\":null}", ""));
    assertThat(older.toString()).doesNotContain("currentSequence");
    GenericRecord rejected = new GenericData.Record(older.getField("result").schema().getTypes().get(1));
    rejected.put("rule", "DECISION_NOT_OPEN");
    rejected.put("message", "closed");
    GenericRecord outcome = new GenericData.Record(older);
    outcome.put("submissionId", "s-2");
    outcome.put("decisionId", "d-2");
    outcome.put("recordedAt", AT.toEpochMilli());
    outcome.put("result", rejected);

    SchemaStore.Cache history = SchemaHistory.released();
    history.addSchema(older);
    Outcome read = AvroSerde.of(Outcome.class, history).decode(singleObject(older, outcome));

    assertThat(read.getResult()).isInstanceOfSatisfying(Rejected.class, r -> {
      assertThat(r.getRule()).isEqualTo("DECISION_NOT_OPEN");
      assertThat(r.getCurrentSequence()).isNull();
    });
  }

  @Test
  void anUnknownFingerprintIsASerializationErrorNamingTheType() {
    byte[] bytes = serde.encode(accepted());
    bytes[5] ^= 0x5A;
    assertThatThrownBy(() -> serde.decode(bytes)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("Outcome");
  }

  @Test
  void nullStaysNull() {
    assertThat(serde.encode(null)).isNull();
    assertThat(serde.decode(null)).isNull();
  }

  private static Outcome accepted() {
    byte[] hash = new byte[32];
    Arrays.fill(hash, (byte) 0xAB);
    return new Outcome("s-1", "d-1", AT, new Accepted(7L, "e-1", new Sha256(hash)));
  }

  private static Schema releasedOutcomeSchema() throws IOException {
    try (InputStream in = WireFormatTest.class.getClassLoader()
        .getResourceAsStream("koers/schemas/history/0.1.0/Outcome.avsc")) {
      return new Schema.Parser().parse(in);
    }
  }

  private static byte[] singleObject(Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xC3);
    out.write(0x01);
    String canonical = org.apache.avro.SchemaNormalization.toParsingForm(schema);
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(crc64Avro(canonical.getBytes(StandardCharsets.UTF_8))).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  /** CRC-64-AVRO as the Avro specification writes it out, independent of Avro's own implementation. */
  private static long crc64Avro(byte[] data) {
    long empty = 0xc15d213aa4d7a795L;
    long[] table = new long[256];
    for (int i = 0; i < 256; i++) {
      long fp = i;
      for (int j = 0; j < 8; j++) {
        fp = (fp >>> 1) ^ (empty & -(fp & 1L));
      }
      table[i] = fp;
    }
    long fp = empty;
    for (byte b : data) {
      fp = (fp >>> 8) ^ table[(int) (fp ^ b) & 0xff];
    }
    return fp;
  }
}
