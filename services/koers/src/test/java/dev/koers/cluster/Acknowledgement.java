package dev.koers.cluster;

import java.time.Instant;

/**
 * The first definitive answer a client got for one submission (HTTP 201 or a rule's refusal, or the Java
 * client's outcome), which a real client remembers and which every later repeat must equal.
 *
 * @param decisionId the decision the submission is for
 * @param submissionId the Idempotency-Key (HTTP) or the submission id (Java client)
 * @param accepted whether the ledger accepted it (an event must be in the log)
 * @param eventId the accepted event's id, or null
 * @param sequence the accepted event's sequence, or -1
 * @param answer the answer as the client saw it: status and body (HTTP), or the outcome's result (Java client)
 * @param attempts how many times the client sent it (more than 1: it retried)
 * @param at when the answer arrived
 */
public record Acknowledgement(String decisionId, String submissionId, boolean accepted, String eventId,
                              long sequence, String answer, int attempts, Instant at) {

  public boolean retried() {
    return attempts > 1;
  }

  /** The (decision, submission) pair, unique in the log. */
  public String key() {
    return decisionId + "/" + submissionId;
  }
}
