package dev.koers.client;

import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.koers.wire.proof.Origin;
import dev.koers.wire.proof.SubmissionFingerprint;
import dev.koers.wire.proof.SubmissionKey;
import dev.koers.wire.proof.SubmissionRecords;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Java client for tools that publish submissions directly (survey tools, manager tools, and the HTTP API
 * itself): publishes a submission to the ledger, proven by the submission key, and waits, bounded, for its
 * outcome. A repeat of the same submission id by the same caller with the same request is safe: the ledger
 * answers it with the first outcome.
 */
public final class KoersClient implements Submitter, AutoCloseable {

  private final Topic<String, Submission> submissions;
  private final KafkaProducer<byte[], byte[]> producer;
  private final SubmissionRecords records;
  private final OutcomeWaiter outcomes;
  private final SubmissionMeters submissionMeters;
  private final Duration outcomeTimeout;

  /** @param submissionKey the key the ledger checks every submission's proof with (docs/ledger.md#proof) */
  public KoersClient(String bootstrapServers, KoersTopics topics, String clientId, Duration outcomeTimeout,
                     SubmissionKey submissionKey) {
    this(KafkaConnection.plain(bootstrapServers), topics, clientId, outcomeTimeout, submissionKey,
        new SimpleMeterRegistry());
  }

  /**
   * Counts the outcomes it could not read ({@code koers.reader.unreadable}), every submission by how it ended
   * ({@code koers.submissions}) and the wait for outcomes ({@code koers.submission.outcome.wait}) on the registry.
   */
  public KoersClient(KafkaConnection connection, KoersTopics topics, String clientId, Duration outcomeTimeout,
                     SubmissionKey submissionKey, MeterRegistry meters) {
    this.submissions = topics.submissions();
    this.outcomeTimeout = outcomeTimeout;
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-submissions");
    this.producer = new KafkaProducer<>(connection.config(config), new ByteArraySerializer(),
        new ByteArraySerializer());
    this.records = new SubmissionRecords(submissions, submissionKey);
    this.submissionMeters = new SubmissionMeters(meters, outcomeTimeout);
    this.outcomes = new OutcomeWaiter(connection, topics.outcomes(), clientId + "-outcomes", meters);
    outcomes.start(Duration.ofSeconds(60));
  }

  /**
   * Completes with the answer to this very request, or exceptionally with a {@link TimeoutException} past the
   * outcome timeout.
   */
  @Override
  public CompletableFuture<Outcome> submit(Submission submission, Origin origin) {
    String replyId = UUID.randomUUID().toString();
    long started = System.nanoTime();
    CompletableFuture<Outcome> outcome = outcomes.expect(replyId);
    producer.send(records.signed(submission, origin, replyId), (metadata, error) -> {
      if (error != null) {
        outcome.completeExceptionally(error);
      }
    });
    return outcome.orTimeout(outcomeTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((o, e) -> {
          outcomes.forget(replyId);
          submissionMeters.ended(started, o, e);
        });
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
    producer.send(records.signed(submission, SubmissionFingerprint.origin(submission),
        UUID.randomUUID().toString()));
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public Duration outcomeTimeout() {
    return outcomeTimeout;
  }

  /** Requests still waiting for their outcome; none once every submit has completed. */
  public int waiting() {
    return outcomes.waiting();
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
