package dev.koers.bench.pipeline;

import dev.koers.schema.Submission;
import java.util.concurrent.CompletableFuture;

/** A way a user hands a submission to Koers (HTTP, the Java client); completes with the answer, never blocks. */
interface SubmissionPath extends AutoCloseable {

  /**
   * The ledger's answer: the decision's new sequence when accepted, else what refused it; or, unanswered, why
   * there was no answer (the API's wait for the outcome ran out).
   */
  record Answer(Long sequence, String refusal, boolean answered) {
    static Answer accepted(long sequence) {
      return new Answer(sequence, null, true);
    }

    static Answer refused(String why) {
      return new Answer(null, why, true);
    }

    static Answer unanswered(String why) {
      return new Answer(null, why, false);
    }

    boolean isAccepted() {
      return sequence != null;
    }
  }

  String name();

  /**
   * Whether a decision's submissions reach the ledger in the order they were sent even when the next is sent
   * before the previous is answered: true for the Java client (one producer, keyed by decision); false for HTTP,
   * where concurrent requests overtake each other, so a user waits for each answer before the next command.
   */
  boolean keepsOrderPerDecision();

  CompletableFuture<Answer> submit(Submission submission);

  @Override
  void close();
}
