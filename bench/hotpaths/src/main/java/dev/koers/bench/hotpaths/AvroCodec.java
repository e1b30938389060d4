package dev.koers.bench.hotpaths;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Submission;
import dev.koers.wire.AvroSerde;
import java.util.List;
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
 * The one Avro serde (libs/wire's AvroSerde, single-object encoding) on one record: a submission as the API
 * writes it and the ledger reads it, an event as the ledger writes it and the views, the stream and the
 * timeline store read it. Per operation: one record of the log's mix.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AvroCodec {

  private final AvroSerde<Submission> submissionSerde = AvroSerde.of(Submission.class);
  private final AvroSerde<DecisionEvent> eventSerde = AvroSerde.of(DecisionEvent.class);
  private Cycle<Submission> submissions;
  private Cycle<byte[]> submissionBytes;
  private Cycle<DecisionEvent> events;
  private Cycle<byte[]> eventBytes;

  @Setup
  public void recordTheLog() {
    RecordedLog log = RecordedLog.standard();
    List<Submission> submitted = log.attempts().stream().map(RecordedLog.Attempt::submission).toList();
    List<byte[]> submittedBytes = submitted.stream().map(submissionSerde::encode).toList();
    List<byte[]> appendedBytes = log.events().stream().map(eventSerde::encode).toList();
    submissions = new Cycle<>(submitted);
    submissionBytes = new Cycle<>(submittedBytes);
    events = new Cycle<>(log.events());
    eventBytes = new Cycle<>(appendedBytes);
    System.out.printf("%nlog: %,d submissions of %.0f bytes on average, %,d events of %.0f bytes%n",
        submitted.size(), meanLength(submittedBytes), appendedBytes.size(), meanLength(appendedBytes));
  }

  private static double meanLength(List<byte[]> records) {
    return records.stream().mapToInt(bytes -> bytes.length).average().orElse(0);
  }

  @Benchmark
  public byte[] encodeSubmission() {
    return submissionSerde.encode(submissions.next());
  }

  @Benchmark
  public Submission decodeSubmission() {
    return submissionSerde.decode(submissionBytes.next());
  }

  @Benchmark
  public byte[] encodeEvent() {
    return eventSerde.encode(events.next());
  }

  @Benchmark
  public DecisionEvent decodeEvent() {
    return eventSerde.decode(eventBytes.next());
  }
}
