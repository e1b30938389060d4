package dev.koers.bench.hotpaths;

import dev.koers.domain.DecisionState;
import dev.koers.domain.Evolver;
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

/** The ledger's {@link Evolver} on one accepted event: the decision's next state, its link checked. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Evolve {

  private final Evolver evolver = new Evolver();
  private Cycle<RecordedLog.Transition> transitions;

  @Setup
  public void recordTheLog() {
    transitions = new Cycle<>(RecordedLog.standard().transitions());
  }

  @Benchmark
  public DecisionState evolve() {
    RecordedLog.Transition transition = transitions.next();
    return evolver.evolve(transition.before(), transition.event());
  }
}
