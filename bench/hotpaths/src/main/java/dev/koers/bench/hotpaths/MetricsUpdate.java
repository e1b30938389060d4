package dev.koers.bench.hotpaths;

import dev.koers.documents.ViewRecords;
import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.metrics.MetricsDocument;
import dev.koers.domain.metrics.SplitAggregates;
import dev.koers.schema.view.MetricsView;
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
 * One net change to a unit's or a manager's metrics (all time or one ISO week), as the metrics aggregator takes
 * it (services/views), without the stores: the aggregate plus the change ({@link SplitAggregates#plus}, the
 * respondents' counts settled), and the document it publishes (every figure worked out, as a view record).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricsUpdate {

  private Cycle<FoldedLog.MetricsInput> inputs;
  private Cycle<FoldedLog.MetricsResult> results;

  @Setup
  public void foldTheLog() {
    FoldedLog log = FoldedLog.of(RecordedLog.standard().events());
    inputs = new Cycle<>(log.metricsInputs());
    results = new Cycle<>(log.metricsResults());
    System.out.printf("%nlog: %,d changes to %,d aggregates%n", inputs.size(), log.aggregates());
  }

  @Benchmark
  public MetricsAggregate plus() {
    FoldedLog.MetricsInput input = inputs.next();
    return SplitAggregates.plus(input.stored(), input.delta(), StoredEntries.respondents(input.respondents()));
  }

  @Benchmark
  public MetricsView document() {
    FoldedLog.MetricsResult result = results.next();
    AggregateKey key = AggregateKey.parse(result.key());
    return ViewRecords.metrics(MetricsDocument.of(key, result.aggregate(), Anonymity.DEFAULT), key);
  }
}
