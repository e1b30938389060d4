package dev.koers.wire.proof;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers a submission record carries besides its Avro value (docs/wire-format.md#submission-headers):
 * who sent it, what they asked, where to answer, and the proof over all of it. UTF-8 text each.
 */
public final class SubmissionHeaders {

  /** The authenticated caller who owns the submission's idempotency key. */
  public static final String CALLER = "koers.caller";
  /** A hash of the request; a repeat of a key must carry the same one. */
  public static final String FINGERPRINT = "koers.fingerprint";
  /** Unique per request; the ledger puts it on the outcome so only this request's waiter takes that answer. */
  public static final String REPLY_TO = "koers.reply-to";
  /** HMAC-SHA256, hex, by the submission key over key, value, caller, fingerprint and reply id. */
  public static final String PROOF = "koers.proof";

  private SubmissionHeaders() {}

  /** The headers of a submission sent by a holder of {@code key}. */
  public static Headers signed(SubmissionKey key, byte[] recordKey, byte[] value, Origin origin, String replyId) {
    RecordHeaders headers = new RecordHeaders();
    put(headers, CALLER, origin.caller());
    put(headers, FINGERPRINT, origin.fingerprint());
    put(headers, REPLY_TO, replyId);
    put(headers, PROOF, HexFormat.of().formatHex(key.proof(recordKey, value, origin, replyId)));
    return headers;
  }

  /**
   * The origin the headers name, if the proof over exactly these bytes checks with {@code key}; empty when any
   * header is missing or malformed, or the proof does not check.
   */
  public static Optional<Origin> proven(SubmissionKey key, byte[] recordKey, byte[] value, Headers headers) {
    String caller = text(headers, CALLER);
    String fingerprint = text(headers, FINGERPRINT);
    String replyId = text(headers, REPLY_TO);
    byte[] proof = hex(text(headers, PROOF));
    if (caller == null || caller.isEmpty() || caller.length() > Origin.MAX_CALLER || fingerprint == null || proof == null) {
      return Optional.empty();
    }
    Origin origin = new Origin(caller, fingerprint);
    return key.verifies(proof, recordKey, value, origin, replyId) ? Optional.of(origin) : Optional.empty();
  }

  /** The reply id a record asks its answer to carry, if any. */
  public static Optional<String> replyId(Headers headers) {
    return Optional.ofNullable(text(headers, REPLY_TO));
  }

  public static void putReplyId(Headers headers, String replyId) {
    put(headers, REPLY_TO, replyId);
  }

  private static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] hex(String text) {
    if (text == null) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void put(Headers headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
