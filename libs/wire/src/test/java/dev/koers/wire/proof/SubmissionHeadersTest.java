package dev.koers.wire.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class SubmissionHeadersTest {

  private static final byte[] KEY = "d-1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VALUE = {1, 2, 3};
  private static final Origin ORIGIN = new Origin("token:m-1", "abc");

  private final SubmissionKey key = SubmissionKey.random();

  @Test
  void aSignedRecordIsProvenAndNamesItsOrigin() {
    Headers headers = SubmissionHeaders.signed(key, KEY, VALUE, ORIGIN, "reply-1");

    assertThat(SubmissionHeaders.proven(key, KEY, VALUE, headers)).contains(ORIGIN);
    assertThat(SubmissionHeaders.replyId(headers)).contains("reply-1");
  }

  @Test
  void anyChangedPartOrAnotherKeyBreaksTheProof() {
    Headers headers = SubmissionHeaders.signed(key, KEY, VALUE, ORIGIN, "reply-1");

    assertThat(SubmissionHeaders.proven(SubmissionKey.random(), KEY, VALUE, headers)).isEmpty();
    assertThat(SubmissionHeaders.proven(key, "d-2".getBytes(StandardCharsets.UTF_8), VALUE, headers)).isEmpty();
    assertThat(SubmissionHeaders.proven(key, KEY, new byte[] {1, 2, 4}, headers)).isEmpty();
    assertThat(SubmissionHeaders.proven(key, KEY, VALUE, replaced(headers, SubmissionHeaders.CALLER, "token:m-2")))
        .isEmpty();
    assertThat(SubmissionHeaders.proven(key, KEY, VALUE, replaced(headers, SubmissionHeaders.FINGERPRINT, "abd")))
        .isEmpty();
    assertThat(SubmissionHeaders.proven(key, KEY, VALUE, replaced(headers, SubmissionHeaders.REPLY_TO, "reply-2")))
        .isEmpty();
  }

  @Test
  void missingOrMalformedHeadersAreNoProof() {
    Headers headers = SubmissionHeaders.signed(key, KEY, VALUE, ORIGIN, "reply-1");

    assertThat(SubmissionHeaders.proven(key, KEY, VALUE, new RecordHeaders())).isEmpty();
    assertThat(SubmissionHeaders.proven(key, KEY, VALUE, replaced(headers, SubmissionHeaders.PROOF, "zz")))
        .isEmpty();
    Headers noCaller = new RecordHeaders(headers.toArray());
    noCaller.remove(SubmissionHeaders.CALLER);
    assertThat(SubmissionHeaders.proven(key, KEY, VALUE, noCaller)).isEmpty();
  }

  private static Headers replaced(Headers headers, String name, String value) {
    Headers copy = new RecordHeaders(headers.toArray());
    copy.remove(name);
    copy.add(name, value.getBytes(StandardCharsets.UTF_8));
    return copy;
  }
}
