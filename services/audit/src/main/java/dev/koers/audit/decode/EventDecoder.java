package dev.koers.audit.decode;

import dev.koers.audit.log.RawRecord;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.apache.avro.message.BinaryMessageDecoder;

/**
 * Decodes a raw log record by docs/wire-format.md with Avro's own {@link BinaryMessageDecoder} (which knows every
 * released writer schema and resolves older ones to the current), checking the header and the end of the body
 * itself, so that every way a record can be broken becomes an {@link UnreadableRecord} with a reason instead of
 * an exception. Not thread-safe: it reuses its digest.
 */
public final class EventDecoder {

  static final int HEADER_BYTES = 10;
  // Reads the header's fingerprint in place, without a ByteBuffer per record (garbage on the reading thread).
  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final byte MARKER_0 = (byte) 0xC3;
  private static final byte MARKER_1 = (byte) 0x01;

  private final WriterSchemas writers;
  private final BinaryMessageDecoder<DecisionEvent> avro = DecisionEvent.createDecoder(null);
  private final MessageDigest sha256 = HashChain.sha256();

  public EventDecoder(WriterSchemas writers) {
    this.writers = writers;
    writers.all().values().forEach(avro::addSchema);
  }

  public ReadRecord decode(RawRecord raw) {
    String key = raw.key() == null ? null : new String(raw.key(), StandardCharsets.UTF_8);
    byte[] value = raw.value();
    if (value == null) {
      return new UnreadableRecord(raw.position(), key, "the record has no value (a tombstone)");
    }
    if (value.length < HEADER_BYTES + HashChain.HASH_BYTES || value[0] != MARKER_0 || value[1] != MARKER_1) {
      return new UnreadableRecord(raw.position(), key, "not an Avro single-object record: "
          + value.length + " bytes, starting " + hexStart(value));
    }
    long fingerprint = (long) LITTLE_ENDIAN_LONG.get(value, 2);
    if (writers.find(fingerprint).isEmpty()) {
      return new UnreadableRecord(raw.position(), key, "unknown writer schema fingerprint "
          + Long.toHexString(fingerprint) + " (not a released DecisionEvent schema)");
    }
    DecisionEvent event;
    try {
      // Avro reads this stream no further than the event (a direct decoder): what is left is left over.
      ByteArrayInputStream in = new ByteArrayInputStream(value);
      event = avro.decode(in, null);
      if (in.available() != 0) {
        return new UnreadableRecord(raw.position(), key, "bytes left over after the event");
      }
    } catch (IOException | RuntimeException e) {
      // Whatever decoding these bytes throws is the record's fault, as in the serde (AvroSerde): Avro refuses a
      // length beyond any Java array with UnsupportedOperationException, a bad union index with an index error.
      return new UnreadableRecord(raw.position(), key, "cannot decode the event: " + e);
    }
    return new LoggedEvent(raw.position(), key, event, carriesItsOwnHash(value, event));
  }
  /**
   * Whether a decoded record's value carries its own hash: the decoded {@code hash} is the body's last 32 bytes
   * and SHA-256 of the rest of the body. Hashes the body where it lies in the value (no copy), with this
   * decoder's own digest.
   */
  private boolean carriesItsOwnHash(byte[] value, DecisionEvent event) {
    int tail = value.length - HashChain.HASH_BYTES;
    return event.getHash() != null
        && Arrays.equals(event.getHash().bytes(), 0, HashChain.HASH_BYTES, value, tail, value.length)
        && HashChain.verifiesBody(value, HEADER_BYTES, value.length - HEADER_BYTES, sha256);
  }

  private static String hexStart(byte[] value) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(4, value.length); i++) {
      hex.append(String.format("%02x", value[i]));
    }
    return hex.length() == 0 ? "(empty)" : hex.toString();
  }
}
