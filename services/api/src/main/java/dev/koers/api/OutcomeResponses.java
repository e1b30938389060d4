package dev.koers.api;

import dev.koers.domain.Rule;
import dev.koers.schema.Accepted;
import dev.koers.schema.Outcome;
import dev.koers.schema.Rejected;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a ledger outcome into the HTTP answer: 201 with the event's sequence and hash, or a problem. */
final class OutcomeResponses {

  private OutcomeResponses() {}

  /** {@code mayRead}: the caller may read the decision, so a rejection may tell it the decision's state. */
  static Map<String, Object> accepted(Outcome outcome, boolean mayRead) {
    if (outcome.getResult() instanceof Rejected rejected) {
      throw new ProblemException(mayRead ? problem(rejected)
          : OutsiderRejections.problem(known(rejected.getRule()), rejected));
    }
    Accepted accepted = (Accepted) outcome.getResult();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("decisionId", outcome.getDecisionId());
    body.put("sequence", accepted.getSequence());
    body.put("hash", HexFormat.of().formatHex(accepted.getHash().bytes()));
    body.put("eventId", accepted.getEventId());
    body.put("submissionId", outcome.getSubmissionId());
    body.put("recordedAt", outcome.getRecordedAt());
    return body;
  }

  static Problem problem(Rejected rejected) {
    Rule rule = known(rejected.getRule());
    return Problem.rule(rule == null ? 422 : rule.httpStatus(), rule == null ? "Rule violated" : rule.title(),
        rejected.getRule(), rejected.getMessage(), rejected.getCurrentSequence());
  }

  /** A rule code written by a newer ledger than this API is still answered, as 422. */
  private static Rule known(String ruleCode) {
    try {
      return Rule.valueOf(ruleCode);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
