package dev.koers.client;

import dev.koers.schema.Outcome;
import dev.koers.schema.Rejected;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Counts every submission by how it ended ({@code koers.submissions}: outcome accepted, rejected, timeout or
 * failed, and the rule of a rejection) and times the wait for its outcome ({@code koers.submission.outcome.wait},
 * a histogram up to the outcome timeout).
 */
final class SubmissionMeters {

  private final MeterRegistry meters;
  private final Timer wait;

  SubmissionMeters(MeterRegistry meters, Duration outcomeTimeout) {
    this.meters = meters;
    this.wait = Timer.builder("koers.submission.outcome.wait")
        .description("From publishing a submission to reading its outcome, or to giving up at the outcome timeout")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(outcomeTimeout.plusSeconds(1))
        .register(meters);
  }

  void ended(long startedNanos, Outcome outcome, Throwable error) {
    wait.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    String result;
    String rule = "none";
    if (outcome != null && outcome.getResult() instanceof Rejected rejected) {
      result = "rejected";
      rule = rejected.getRule();
    } else if (outcome != null) {
      result = "accepted";
    } else {
      Throwable cause = error instanceof CompletionException wrapped && wrapped.getCause() != null
          ? wrapped.getCause() : error;
      result = cause instanceof TimeoutException ? "timeout" : "failed";
    }
    Counter.builder("koers.submissions").description("Submissions by how they ended and the rule that refused them")
        .tag("outcome", result).tag("rule", rule).register(meters).increment();
  }
}
