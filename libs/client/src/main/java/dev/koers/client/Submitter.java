package dev.koers.client;

import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.wire.proof.Origin;
import dev.koers.wire.proof.SubmissionFingerprint;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Something that hands a submission to the ledger and completes with its outcome, within a bounded time. */
public interface Submitter {

  /**
   * @param origin who sent it (the idempotency key's owner) and the fingerprint of their request; the ledger
   *     answers a repeat of the key only to the same caller with the same fingerprint
   */
  CompletableFuture<Outcome> submit(Submission submission, Origin origin);

  /** A tool's own submission: its actor is the caller, its command and times the fingerprint. */
  default CompletableFuture<Outcome> submit(Submission submission) {
    return submit(submission, SubmissionFingerprint.origin(submission));
  }

  Duration outcomeTimeout();
}
