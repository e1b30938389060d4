package dev.koers.bench.pipeline;

import dev.koers.schema.Submission;
import java.util.concurrent.CompletableFuture;

/** A way a user hands a submission to Koers (HTTP, the Java client); completes with the answer, never blocks. */
interface SubmissionPath extends AutoCloseable {

  /** The ledger's answer: the decision's new sequence when accepted, else what refused it. */
  record Answer(Long sequence, String refusal) {
    static Answer accepted(long sequence) {
      return new Answer(sequence, null);
    }

    static Answer refused(String why) {
      return new Answer(null, why);
    }

    boolean isAccepted() {
      return sequence != null;
    }
  }

  String name();

  CompletableFuture<Answer> submit(Submission submission);

  @Override
  void close();
}
