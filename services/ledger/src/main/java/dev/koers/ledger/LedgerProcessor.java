package dev.koers.ledger;

import dev.koers.domain.DecisionState;
import dev.koers.domain.LedgerStep;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.wire.KoersTopics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides one submission at a time, per decision, against the state kept in the ledger's stores. */
final class LedgerProcessor implements Processor<byte[], byte[], Object, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerProcessor.class);

  private final String submissionsTopic;
  private final Deserializer<Submission> submissions;
  private final LedgerStep step;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, DecisionState> decisions;
  private KeyValueStore<String, Outcome> seen;
  private DeadLetters deadLetters;

  LedgerProcessor(KoersTopics topics, LedgerStep step) {
    this.submissionsTopic = topics.submissions().name();
    this.submissions = topics.submissions().valueSerde().deserializer();
    this.step = step;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.decisions = context.getStateStore(LedgerTopology.DECISIONS_STORE);
    this.seen = context.getStateStore(LedgerTopology.SUBMISSIONS_STORE);
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
    decide(submission, record.timestamp());
  }

  private void decide(Submission submission, long timestamp) {
    String decisionId = submission.getDecisionId();
    String seenKey = decisionId + "/" + submission.getSubmissionId();
    Outcome earlier = seen.get(seenKey);
    if (earlier != null) {
      // A repeated submission gets its first outcome again, and no second event.
      publishOutcome(earlier, timestamp);
      return;
    }
    Instant recordedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
    LedgerStep.Result result = step.handle(decisions.get(decisionId), submission, recordedAt,
        UUID.randomUUID().toString());
    result.event().ifPresent(event -> {
      decisions.put(decisionId, result.newState());
      context.forward(new Record<Object, Object>(decisionId, event, recordedAt.toEpochMilli()),
          LedgerTopology.EVENTS_SINK);
      logAccepted(event);
    });
    seen.put(seenKey, result.outcome());
    publishOutcome(result.outcome(), recordedAt.toEpochMilli());
  }

  private void publishOutcome(Outcome outcome, long timestamp) {
    context.forward(new Record<Object, Object>(outcome.getDecisionId(), outcome, timestamp),
        LedgerTopology.OUTCOMES_SINK);
  }

  private static void logAccepted(DecisionEvent event) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("Appended {} #{} of {}", event.getPayload().getClass().getSimpleName(), event.getSequence(),
          event.getDecisionId());
    }
  }
}
