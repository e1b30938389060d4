package dev.koers.domain;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The hash chain of a decision's log. An event's {@code hash} is SHA-256 over the plain Avro binary encoding
 * (no single-object header; the event's own schema) of every field before {@code hash}. Because {@code hash}
 * is a fixed(32) and the record's last field, that is the record's full encoding minus its last 32 bytes.
 * Sequence 1 links to {@link #GENESIS}; every later event's {@code previousHash} is its predecessor's hash.
 * An instance seals with a writer, a buffer and a digest of its own, reused from event to event (sealing was
 * four fifths of the ledger's pure step, and its allocations three quarters, when each was made anew), so it
 * belongs to one thread.
 */
public final class HashChain {

  public static final int HASH_BYTES = 32;

  /**
   * The {@code previousHash} of sequence 1: 32 zero bytes. Avro's {@code Sha256} wraps a mutable array, so
   * treat this as read-only; use {@link #genesis()} for a value to put into an event.
   */
  public static final Sha256 GENESIS = new Sha256(new byte[HASH_BYTES]);

  /** {@link #GENESIS} as lowercase hex. */
  public static final String GENESIS_HEX = "0".repeat(2 * HASH_BYTES);

  private SpecificDatumWriter<DecisionEvent> writer;
  private final Body body = new Body();
  private final MessageDigest digest = sha256();
  private BinaryEncoder encoder;

  /** Returns a copy of {@code unsealed} whose {@code hash} is computed; the argument is not changed. */
  public DecisionEvent seal(DecisionEvent unsealed) {
    DecisionEvent sealed = DecisionEvent.newBuilder(unsealed).setHash(genesis()).build();
    if (writer == null) { // the event's own model, with its logical-type conversions, as encode() uses
      writer = new SpecificDatumWriter<>(sealed.getSchema(), sealed.getSpecificData());
    }
    body.reset();
    encoder = EncoderFactory.get().binaryEncoder(body, encoder);
    try {
      writer.write(sealed, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode event " + sealed.getEventId(), e);
    }
    digest.reset();
    digest.update(body.bytes(), 0, body.size() - HASH_BYTES);
    sealed.setHash(new Sha256(digest.digest()));
    return sealed;
  }

  /** A reusable buffer whose bytes are read in place. */
  private static final class Body extends ByteArrayOutputStream {
    Body() {
      super(512);
    }

    byte[] bytes() {
      return buf;
    }
  }

  /** Whether the event's {@code hash} is the digest of its other fields (the link is not checked here). */
  public boolean verifies(DecisionEvent event) {
    return event.getHash() != null && verifiesBody(encode(event));
  }

  /**
   * Whether an event's plain Avro binary body carries its own hash: the digest of {@code body[0..len-32]}
   * equals {@code body[len-32..]}. Lets an auditor check raw log records without decoding them.
   */
  public static boolean verifiesBody(byte[] avroBinaryBody) {
    if (avroBinaryBody == null) {
      return false;
    }
    return verifiesBody(avroBinaryBody, 0, avroBinaryBody.length, sha256());
  }

  /**
   * {@link #verifiesBody(byte[])} for the body at {@code buffer[offset..offset+length]}, without copying it, with
   * a SHA-256 digest the caller reuses (it is reset first and left reset).
   */
  public static boolean verifiesBody(byte[] buffer, int offset, int length, MessageDigest sha256) {
    if (buffer == null || length < HASH_BYTES || offset < 0 || offset + length > buffer.length) {
      return false;
    }
    int bodyLength = length - HASH_BYTES;
    sha256.reset();
    sha256.update(buffer, offset, bodyLength);
    byte[] computed = sha256.digest();
    int stored = offset + bodyLength;
    return Arrays.equals(computed, 0, HASH_BYTES, buffer, stored, stored + HASH_BYTES);
  }

  /** A new SHA-256 digest, as {@link #verifiesBody(byte[], int, int, MessageDigest)} wants one. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The event's plain Avro binary encoding with its own schema: what {@link #verifiesBody} reads. */
  public static byte[] encode(DecisionEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new SpecificDatumWriter<DecisionEvent>(event.getSchema(), event.getSpecificData()).write(event, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode event " + event.getEventId(), e);
    }
    return out.toByteArray();
  }

  /** A fresh 32-zero-byte hash, safe to put into an event. */
  public static Sha256 genesis() {
    return new Sha256(new byte[HASH_BYTES]);
  }

  /** Lowercase hex of a hash. */
  public static String hex(Sha256 hash) {
    // What HexFormat.of().formatHex gives, without its StringBuilder: the domain core formats a hash per event.
    byte[] bytes = hash.bytes();
    byte[] digits = new byte[2 * bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      digits[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xF];
      digits[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xF];
    }
    return new String(digits, StandardCharsets.ISO_8859_1);
  }

  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  /** The hash written as 64 hex digits. */
  public static Sha256 fromHex(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    if (bytes.length != HASH_BYTES) {
      throw new IllegalArgumentException("a SHA-256 hash has " + HASH_BYTES + " bytes, not " + bytes.length);
    }
    return new Sha256(bytes);
  }
}
