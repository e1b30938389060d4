package dev.koers.wire.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes a sequence of fields so that no two different sequences give the same input: each field is written
 * as its length (4 bytes, big-endian; -1 for an absent field) and then its bytes. Fingerprints use SHA-256,
 * proofs HMAC-SHA256 over the same framing.
 */
public final class FieldDigest {

  private final MessageDigest digest;
  private final Mac mac;

  private FieldDigest(MessageDigest digest, Mac mac) {
    this.digest = digest;
    this.mac = mac;
  }

  /** A SHA-256 over the fields, starting with a tag that says what is hashed (so a hash of one kind never passes as another). */
  public static FieldDigest sha256(String tag) {
    try {
      return new FieldDigest(MessageDigest.getInstance("SHA-256"), null).add(tag);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** An HMAC-SHA256 under {@code key} over the fields, starting with {@code tag}. */
  public static FieldDigest hmacSha256(byte[] key, String tag) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return new FieldDigest(null, mac).add(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no HmacSHA256", e);
    }
  }

  public FieldDigest add(byte[] field) {
    update(ByteBuffer.allocate(4).putInt(field == null ? -1 : field.length).array());
    if (field != null) {
      update(field);
    }
    return this;
  }

  public FieldDigest add(String field) {
    return add(field == null ? null : field.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] bytes() {
    return digest != null ? digest.digest() : mac.doFinal();
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes());
  }

  private void update(byte[] bytes) {
    if (digest != null) {
      digest.update(bytes);
    } else {
      mac.update(bytes);
    }
  }
}
