package dev.koers.bench.pipeline;

import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.LedgerStep;
import dev.koers.schema.Submission;
import dev.koers.testkit.history.Bounds;
import dev.koers.testkit.history.RandomHistory;
import dev.koers.testkit.history.Shape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The submissions the harness sends: the test kit's {@link RandomHistory} (every kind of command, lives that
 * open, hear, decide, communicate, revise, withdraw and collect feedback, mostly on recent decisions), decided
 * as it goes by the ledger's own pure step, so that each decision's next command follows what the log holds.
 * With edges, a few submissions carry values at and beyond the bounds (texts up to 10,000 characters, odd
 * unicode), which the ledger refuses by rule. The history's clock ends about now, so nothing lies in the future.
 *
 * @param submissions in the order to send them
 * @param accepted how many the ledger accepts (when sent in this order)
 * @param kinds how many of each command
 */
record SubmissionMix(List<Submission> submissions, long accepted, Map<String, Long> kinds) {

  /** The clock moves up to this far between two steps (about 5.5 s a submission on average). */
  private static final Duration MAX_STEP = Duration.ofSeconds(10);
  private static final Duration PER_SUBMISSION = Duration.ofSeconds(6);

  /**
   * @param idPrefix put before every decision and submission id, so that several mixes share one installation
   * @param edgesPercent submissions with values at or beyond the bounds (0: only the usual values)
   */
  static SubmissionMix generate(int count, long seed, int edgesPercent, String idPrefix) {
    Instant start = Instant.now().minus(PER_SUBMISSION.multipliedBy(count)).minus(Duration.ofHours(1));
    Shape shape = new Shape(start, 40, 200, 5_000, MAX_STEP, Duration.ZERO, 0, edgesPercent, Bounds.DOCUMENTED);
    LedgerStep step = new LedgerStep(new Decider(Duration.ofMinutes(2)));
    Map<String, DecisionState> states = new HashMap<>();
    List<Submission> submissions = new ArrayList<>(count);
    Map<String, Long> kinds = new TreeMap<>();
    long[] accepted = {0};
    new RandomHistory(seed, shape, (submission, expected) -> {
      Submission sent = idPrefix.isEmpty() ? submission : Submission.newBuilder(submission)
          .setDecisionId(idPrefix + submission.getDecisionId())
          .setSubmissionId(idPrefix + submission.getSubmissionId()).build();
      submissions.add(sent);
      kinds.merge(sent.getCommand().getClass().getSimpleName(), 1L, Long::sum);
      LedgerStep.Result result = step.handle(states.get(sent.getDecisionId()), sent, sent.getSubmittedAt(),
          "e-" + submissions.size());
      if (result.accepted()) {
        states.put(sent.getDecisionId(), result.newState());
        accepted[0]++;
      }
      return result.accepted();
    }).submissions(count);
    return new SubmissionMix(submissions, accepted[0], kinds);
  }

  /** "OpenDecision 14.1 %, ..." */
  String kindShares() {
    List<String> shares = new ArrayList<>();
    kinds.forEach((kind, n) -> shares.add(String.format(java.util.Locale.ROOT, "%s %.1f %%", kind,
        100.0 * n / submissions.size())));
    return String.join(", ", shares);
  }
}
