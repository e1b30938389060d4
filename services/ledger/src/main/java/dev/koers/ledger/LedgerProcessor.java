package dev.koers.ledger;

import dev.koers.domain.DecisionState;
import dev.koers.domain.KeyClaim;
import dev.koers.domain.LedgerStep;
import dev.koers.domain.Rule;
import dev.koers.domain.Verdict;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.proof.Origin;
import dev.koers.wire.proof.SubmissionHeaders;
import dev.koers.wire.proof.SubmissionKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides one submission at a time, per decision, against the state kept in the ledger's stores: only a
 * submission proven by the submission key, and an idempotency key only for the caller who holds it.
 */
final class LedgerProcessor implements Processor<byte[], byte[], Object, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerProcessor.class);
  private static final Verdict.Reject NOT_PROVEN = new Verdict.Reject(Rule.SUBMISSION_NOT_PROVEN,
      "the submission carries no valid proof by the submission key, so its actor cannot be trusted; submit "
          + "through the HTTP API or a Java client that holds the key");

  private final String submissionsTopic;
  private final Deserializer<Submission> submissions;
  private final LedgerStep step;
  private final SubmissionKey submissionKey;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, DecisionState> decisions;
  private KeyClaims keys;
  private DeadLetters deadLetters;

  LedgerProcessor(KoersTopics topics, LedgerStep step, SubmissionKey submissionKey) {
    this.submissionsTopic = topics.submissions().name();
    this.submissions = topics.submissions().valueSerde().deserializer();
    this.step = step;
    this.submissionKey = submissionKey;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.decisions = context.getStateStore(LedgerTopology.DECISIONS_STORE);
    this.keys = new KeyClaims(context);
    this.deadLetters = new DeadLetters(context, LedgerTopology.DEAD_LETTER_SINK);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    Submission submission;
    try {
      submission = submissions.deserialize(submissionsTopic, record.value());
    } catch (SerializationException e) {
      deadLetters.send(record, "UNREADABLE_SUBMISSION", e.getMessage());
      return;
    }
    if (submission == null) {
      deadLetters.send(record, "NULL_SUBMISSION", "a submission record must have a value");
      return;
    }
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    if (!submission.getDecisionId().equals(key)) {
      deadLetters.send(record, "KEY_MISMATCH",
          "record key " + key + " is not the submission's decision id " + submission.getDecisionId());
      return;
    }
    Headers reply = replyHeaders(record.headers());
    Optional<Origin> origin = SubmissionHeaders.proven(submissionKey, record.key(), record.value(),
        record.headers());
    if (origin.isEmpty()) {
      refuse(submission, NOT_PROVEN, reply);
      return;
    }
    answer(submission, origin.get(), reply, record.timestamp());
  }

  private void answer(Submission submission, Origin origin, Headers reply, long timestamp) {
    String decisionId = submission.getDecisionId();
    String submissionId = submission.getSubmissionId();
    Optional<KeyClaim> claim = keys.claim(decisionId, submissionId).filter(c -> !c.yieldsTo(origin.caller()));
    if (claim.isPresent()) {
      Optional<Verdict.Reject> refusal = claim.get().refusal(origin.caller(), origin.fingerprint(), submissionId);
      if (refusal.isPresent()) {
        refuse(submission, refusal.get(), reply);
      } else {
        // The key's own caller repeating its request gets the first outcome again, and no second event.
        publishOutcome(claim.get().outcome(), reply, timestamp);
      }
      return;
    }
    if (keys.takenWithoutOwner(decisionId, submissionId)) {
      refuse(submission, KeyClaim.inUse(submissionId), reply);
      return;
    }
    Outcome outcome = decide(submission);
    keys.take(decisionId, submissionId, new KeyClaim(origin.caller(), origin.fingerprint(), outcome));
    publishOutcome(outcome, reply, outcome.getRecordedAt().toEpochMilli());
  }

  private Outcome decide(Submission submission) {
    String decisionId = submission.getDecisionId();
    Instant recordedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
    LedgerStep.Result result = step.handle(decisions.get(decisionId), submission, recordedAt,
        UUID.randomUUID().toString());
    result.event().ifPresent(event -> {
      decisions.put(decisionId, result.newState());
      context.forward(new Record<Object, Object>(decisionId, event, recordedAt.toEpochMilli()),
          LedgerTopology.EVENTS_SINK);
      logAccepted(event);
    });
    return result.outcome();
  }

  /** A refusal is answered to this request only; it never becomes the key's outcome. */
  private void refuse(Submission submission, Verdict.Reject refusal, Headers reply) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    LOG.warn("Refused submission {} on decision {} by {} ({}): {}", submission.getSubmissionId(),
        submission.getDecisionId(), submission.getActor() == null ? "?" : submission.getActor().getId(),
        refusal.rule().name(), refusal.message());
    publishOutcome(LedgerStep.refused(submission, now, refusal), reply, now.toEpochMilli());
  }

  private void publishOutcome(Outcome outcome, Headers reply, long timestamp) {
    context.forward(new Record<Object, Object>(outcome.getDecisionId(), outcome, timestamp, reply),
        LedgerTopology.OUTCOMES_SINK);
  }

  /** The answer goes back with the request's reply id and nothing else of its headers. */
  private static Headers replyHeaders(Headers request) {
    Headers reply = new RecordHeaders();
    SubmissionHeaders.replyId(request).ifPresent(id -> SubmissionHeaders.putReplyId(reply, id));
    return reply;
  }

  private static void logAccepted(DecisionEvent event) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("Appended {} #{} of {}", event.getPayload().getClass().getSimpleName(), event.getSequence(),
          event.getDecisionId());
    }
  }
}
