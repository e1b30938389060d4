package dev.koers.client;

import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Something that hands a submission to the ledger and completes with its outcome, within a bounded time. */
public interface Submitter {

  CompletableFuture<Outcome> submit(Submission submission);

  Duration outcomeTimeout();
}
