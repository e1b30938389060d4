package dev.koers.bench.pipeline;

import dev.koers.schema.Submission;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a decision's submissions in order over a path that does not keep it ({@link
 * SubmissionPath#keepsOrderPerDecision()}): each waits for its decision's previous answer, as a user waits for
 * "opened" before hearing a perspective. The wait counts in its latency, which runs from the due moment. Called
 * from the open loop's one sending thread.
 */
final class DecisionOrder {

  private final SubmissionPath path;
  private final Map<String, CompletableFuture<SubmissionPath.Answer>> last = new HashMap<>();

  DecisionOrder(SubmissionPath path) {
    this.path = path;
  }

  CompletableFuture<SubmissionPath.Answer> submit(Submission submission) {
    if (path.keepsOrderPerDecision()) {
      return path.submit(submission);
    }
    String decisionId = submission.getDecisionId();
    CompletableFuture<SubmissionPath.Answer> previous = last.get(decisionId);
    CompletableFuture<SubmissionPath.Answer> sent = previous == null || previous.isDone()
        ? path.submit(submission)
        : previous.handle((answer, error) -> null).thenCompose(ignored -> path.submit(submission));
    last.put(decisionId, sent);
    return sent;
  }
}
