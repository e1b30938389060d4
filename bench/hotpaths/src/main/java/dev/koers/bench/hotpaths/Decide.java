package dev.koers.bench.hotpaths;

import dev.koers.domain.Decider;
import dev.koers.domain.LedgerStep;
import dev.koers.domain.Verdict;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ledger's rules on one submission: {@link Decider#decide} alone (accepted or refused, as the log's mix
 * has them), and the ledger's whole pure step ({@link LedgerStep#handle}: decide, build the event, seal it,
 * evolve the state), which is the core of the ledger's work per submission before Kafka.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Decide {

  private final Decider decider = RecordedLog.decider();
  private final LedgerStep step = new LedgerStep(RecordedLog.decider());
  private Cycle<RecordedLog.Attempt> attempts;

  @Setup
  public void recordTheLog() {
    attempts = new Cycle<>(RecordedLog.standard().attempts());
  }

  @Benchmark
  public Verdict decide() {
    RecordedLog.Attempt attempt = attempts.next();
    return decider.decide(attempt.state(), attempt.submission(), attempt.recordedAt());
  }

  @Benchmark
  public LedgerStep.Result ledgerStep() {
    RecordedLog.Attempt attempt = attempts.next();
    return step.handle(attempt.state(), attempt.submission(), attempt.recordedAt(), attempt.eventId());
  }
}
