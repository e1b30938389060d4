package dev.koers.bench.hotpaths;

import dev.koers.documents.ViewRecords;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.metrics.SplitFactsFold;
import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.view.DecisionSummary;
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
 * The views' fold of one event, step by step as the decision processor takes it (services/views), without the
 * stores: the decision's view ({@link DecisionProjector}), its facts and the aggregates' net changes
 * ({@link SplitFactsFold}), and the summary it publishes (the decision's metrics as a view record).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ViewFold {

  private final DecisionProjector projector = new DecisionProjector();
  private final SplitFactsFold fold = new SplitFactsFold();
  private Cycle<FoldedLog.DecisionInput> inputs;
  private Cycle<FoldedLog.DecisionResult> results;

  @Setup
  public void foldTheLog() {
    FoldedLog log = FoldedLog.of(RecordedLog.standard().events());
    inputs = new Cycle<>(log.decisionInputs());
    results = new Cycle<>(log.decisionResults());
  }

  @Benchmark
  public DecisionView project() {
    FoldedLog.DecisionInput input = inputs.next();
    return projector.apply(input.view(), input.event());
  }

  @Benchmark
  public SplitFactsFold.Step factsFold() {
    FoldedLog.DecisionInput input = inputs.next();
    return fold.apply(input.facts(), input.event(), StoredEntries.feedback(input.feedback()));
  }

  @Benchmark
  public DecisionSummary summary() {
    FoldedLog.DecisionResult result = results.next();
    return ViewRecords.decision(result.view(), DecisionMetrics.of(result.facts(), Anonymity.DEFAULT));
  }
}
