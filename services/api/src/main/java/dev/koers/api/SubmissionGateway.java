package dev.koers.api;

import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.wire.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes a submission to the ledger and waits, bounded, for its outcome. */
public final class SubmissionGateway implements AutoCloseable {

  private final Topic<String, Submission> submissions;
  private final KafkaProducer<String, Submission> producer;
  private final OutcomeWaiter outcomes;
  private final Duration outcomeTimeout;

  public SubmissionGateway(String bootstrapServers, Topic<String, Submission> submissions,
                           Topic<String, Outcome> outcomesTopic, Duration outcomeTimeout) {
    this.submissions = submissions;
    this.outcomeTimeout = outcomeTimeout;
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "koers-api-submissions");
    this.producer = new KafkaProducer<>(config, submissions.keySerde().serializer(),
        submissions.valueSerde().serializer());
    this.outcomes = new OutcomeWaiter(bootstrapServers, outcomesTopic);
    outcomes.start(Duration.ofSeconds(60));
  }

  /** Completes with the outcome, or exceptionally with a {@link TimeoutException} past the outcome timeout. */
  public CompletableFuture<Outcome> submit(Submission submission) {
    String decisionId = submission.getDecisionId();
    String submissionId = submission.getSubmissionId();
    CompletableFuture<Outcome> outcome = outcomes.expect(decisionId, submissionId);
    producer.send(new ProducerRecord<>(submissions.name(), decisionId, submission), (metadata, error) -> {
      if (error != null) {
        outcome.completeExceptionally(error);
      }
    });
    return outcome.orTimeout(outcomeTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((o, e) -> outcomes.forget(decisionId, submissionId));
  }

  public Duration outcomeTimeout() {
    return outcomeTimeout;
  }

  public boolean isRunning() {
    return outcomes.isRunning();
  }

  @Override
  public void close() {
    outcomes.close();
    producer.close(Duration.ofSeconds(5));
  }
}
