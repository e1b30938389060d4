package dev.koers.client;

import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Java client for tools that publish submissions directly (survey tools, manager tools, and the HTTP API
 * itself): publishes a submission to the ledger and waits, bounded, for its outcome. A repeat of the same
 * submission id is safe: the ledger answers it with the first outcome.
 */
public final class KoersClient implements Submitter, AutoCloseable {

  private final Topic<String, Submission> submissions;
  private final KafkaProducer<String, Submission> producer;
  private final OutcomeWaiter outcomes;
  private final Duration outcomeTimeout;

  public KoersClient(String bootstrapServers, KoersTopics topics, String clientId, Duration outcomeTimeout) {
    this(KafkaConnection.plain(bootstrapServers), topics, clientId, outcomeTimeout, new SimpleMeterRegistry());
  }

  /** Counts the outcomes it could not read ({@code koers.reader.unreadable}) on the given registry. */
  public KoersClient(KafkaConnection connection, KoersTopics topics, String clientId, Duration outcomeTimeout,
                     MeterRegistry meters) {
    this.submissions = topics.submissions();
    this.outcomeTimeout = outcomeTimeout;
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-submissions");
    this.producer = new KafkaProducer<>(connection.config(config), submissions.keySerde().serializer(),
        submissions.valueSerde().serializer());
    this.outcomes = new OutcomeWaiter(connection, topics.outcomes(), clientId + "-outcomes", meters);
    outcomes.start(Duration.ofSeconds(60));
  }

  /** Completes with the outcome, or exceptionally with a {@link TimeoutException} past the outcome timeout. */
  @Override
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

  /** Submits and blocks until the outcome arrives or the outcome timeout passes. */
  public Outcome submitAndWait(Submission submission) throws TimeoutException, InterruptedException {
    try {
      return submit(submission).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TimeoutException timeout) {
        throw timeout;
      }
      throw new IllegalStateException("submission " + submission.getSubmissionId() + " failed: "
          + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Publishes without waiting for the outcome (bulk loads); {@link #flush()} makes sure it was sent. */
  public void publish(Submission submission) {
    producer.send(new ProducerRecord<>(submissions.name(), submission.getDecisionId(), submission));
  }

  public void flush() {
    producer.flush();
  }

  @Override
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
