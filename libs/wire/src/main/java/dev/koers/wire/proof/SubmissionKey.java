package dev.koers.wire.proof;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The secret that proves a submission came from a holder of it (the HTTP API, the Java client, the ledger):
 * an HMAC-SHA256 key. The proof covers the record's key and value bytes and the caller, fingerprint and
 * reply id headers, so none of them can be changed or copied onto other bytes (docs/ledger.md#proof).
 */
public final class SubmissionKey {

  /** Fewer bytes would be guessable; HMAC-SHA256's own block is 64. */
  public static final int MIN_BYTES = 32;
  private static final String TAG = "koers-submission-proof-v1";

  private final byte[] key;

  public SubmissionKey(byte[] key) {
    if (key == null || key.length < MIN_BYTES) {
      throw new IllegalArgumentException("a submission key has at least " + MIN_BYTES + " bytes");
    }
    this.key = key.clone();
  }

  /** A fresh key from a strong random source. */
  public static SubmissionKey random() {
    byte[] bytes = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(bytes);
    return new SubmissionKey(bytes);
  }

  public byte[] proof(byte[] recordKey, byte[] value, Origin origin, String replyId) {
    return FieldDigest.hmacSha256(key, TAG).add(recordKey).add(value).add(origin.caller())
        .add(origin.fingerprint()).add(replyId).bytes();
  }

  /** Compared in constant time, so a forger learns nothing from how long a refusal takes. */
  public boolean verifies(byte[] proof, byte[] recordKey, byte[] value, Origin origin, String replyId) {
    return proof != null && MessageDigest.isEqual(proof, proof(recordKey, value, origin, replyId));
  }

  byte[] bytes() {
    return key.clone();
  }

  @Override
  public String toString() {
    return "SubmissionKey[hidden]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SubmissionKey that && MessageDigest.isEqual(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }
}
