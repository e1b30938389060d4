package dev.koers.bench.hotpaths;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.metrics.SplitFacts;
import dev.koers.domain.view.DecisionView;
import dev.koers.wire.KoersJson;
import dev.koers.wire.StateSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The views' state as their stores keep it ({@link StateSerde}, as services/views' ViewsTopology declares the
 * stores; {@code json} is the format they kept before, for the before/after in docs/benchmarks.md): each
 * event reads and writes a decision's view and facts, each net change an aggregate. Per operation: one value
 * written and read back, what a store's get and put cost in serde (RocksDB and the changelog aside).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StoreCodec {

  /** {@code state}: the stores' format ({@link StateSerde}); {@code json}: the JSON they kept before. */
  @Param({"state", "json"})
  public String format;

  private Codec<DecisionView> viewCodec;
  private Codec<SplitFacts> factsCodec;
  private Codec<MetricsAggregate> aggregateCodec;
  private Cycle<DecisionView> views;
  private Cycle<SplitFacts> facts;
  private Cycle<MetricsAggregate> aggregates;

  /** A store's serde, written and read as the store does. */
  private record Codec<T>(Serializer<T> writer, Deserializer<T> reader) {
    Codec(Serde<T> serde) {
      this(serde.serializer(), serde.deserializer());
    }

    T roundTrip(T value) {
      return reader.deserialize("store", writer.serialize("store", value));
    }

    double meanBytes(List<T> values) {
      return values.stream().mapToInt(value -> writer.serialize("store", value).length).average().orElse(0);
    }
  }

  @Setup
  public void foldTheLog() {
    viewCodec = codec(DecisionView.class);
    factsCodec = codec(SplitFacts.class);
    aggregateCodec = codec(MetricsAggregate.class);
    FoldedLog log = FoldedLog.of(RecordedLog.standard().events());
    List<DecisionView> viewsAfter = results(log, FoldedLog.DecisionResult::view);
    List<SplitFacts> factsAfter = results(log, FoldedLog.DecisionResult::facts);
    List<MetricsAggregate> aggregatesAfter =
        log.metricsResults().stream().map(FoldedLog.MetricsResult::aggregate).toList();
    views = new Cycle<>(viewsAfter);
    facts = new Cycle<>(factsAfter);
    aggregates = new Cycle<>(aggregatesAfter);
    System.out.printf("%nstored values, mean bytes: view %.0f, facts %.0f, aggregate %.0f%n",
        viewCodec.meanBytes(viewsAfter), factsCodec.meanBytes(factsAfter), aggregateCodec.meanBytes(aggregatesAfter));
  }

  private <T> Codec<T> codec(Class<T> type) {
    return format.equals("json") ? json(type) : new Codec<>(StateSerde.of(type));
  }

  /** The stores' JSON before StateSerde: the same mapping, as text. */
  private static <T> Codec<T> json(Class<T> type) {
    ObjectWriter writer = KoersJson.mapper().writerFor(type);
    ObjectReader reader = KoersJson.mapper().readerFor(type);
    return new Codec<>((topic, value) -> {
      try {
        return writer.writeValueAsBytes(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, (topic, bytes) -> {
      try {
        return reader.readValue(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static <T> List<T> results(FoldedLog log, Function<FoldedLog.DecisionResult, T> part) {
    return log.decisionResults().stream().map(part).toList();
  }

  @Benchmark
  public DecisionView view() {
    return viewCodec.roundTrip(views.next());
  }

  @Benchmark
  public SplitFacts facts() {
    return factsCodec.roundTrip(facts.next());
  }

  @Benchmark
  public MetricsAggregate aggregate() {
    return aggregateCodec.roundTrip(aggregates.next());
  }
}
