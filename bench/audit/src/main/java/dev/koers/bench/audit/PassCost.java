package dev.koers.bench.audit;

import dev.koers.audit.decode.EventDecoder;
import dev.koers.audit.decode.WriterSchemas;
import dev.koers.audit.log.RawRecord;
import dev.koers.audit.pass.AuditPass;
import dev.koers.audit.pass.LogListener;
import dev.koers.audit.replay.Replay;
import dev.koers.audit.replay.ReplayParts;
import dev.koers.audit.replay.Selection;
import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LedgerRun;
import dev.koers.audit.testing.Records;
import dev.koers.audit.verify.ChainVerifier;
import dev.koers.audit.verify.Findings;
import dev.koers.domain.HashChain;
import dev.koers.domain.metrics.Anonymity;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the audit's pass costs per record, in one thread, from memory: no Kafka. Each invocation
 * reads the whole log of {@link #DECISIONS} decisions (the log AuditBenchmark writes by default) the way a pass
 * does, so JMH's figure is nanoseconds per record. Each step adds to the one before: SHA-256 of the body alone;
 * decoding (which hashes); verify (decoding and the chain check); replay (verify, then the
 * views' projector and the metric fold; not the results built after the pass). Their differences are the costs
 * docs/benchmarks.md weighs against ConsumerPerformance's rate. Run it through {@link PassCostRunner}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
// PassCostRunner gives the fork the audit's JVM options (bin/audit-jvm-options).
@Fork(1)
public class PassCost {

  static final int DECISIONS = 33_333;
  /** The records {@link Histories#interleaved} gives for {@link #DECISIONS} decisions. */
  static final int RECORDS = 191_665;
  /** The single-object header before the Avro body (docs/wire-format.md). */
  private static final int HEADER_BYTES = 10;

  private List<RawRecord> records;

  @Setup
  public void writeTheLog() {
    records = Records.raw(LedgerRun.events(Histories.interleaved(DECISIONS)));
    if (records.size() != RECORDS) {
      throw new IllegalStateException("the histories changed: " + records.size() + " records, not " + RECORDS
          + "; update PassCost.RECORDS");
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void sha256(Blackhole hole) {
    MessageDigest sha256 = HashChain.sha256();
    for (RawRecord record : records) {
      byte[] value = record.value();
      hole.consume(HashChain.verifiesBody(value, HEADER_BYTES, value.length - HEADER_BYTES, sha256));
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void decode(Blackhole hole) {
    EventDecoder decoder = new EventDecoder(WriterSchemas.ofDecisionEvents());
    for (RawRecord record : records) {
      hole.consume(decoder.decode(record));
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public Findings verify() {
    Findings findings = new Findings();
    pass(new ChainVerifier(findings));
    return requireClean(findings);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public Replay replay() {
    Findings findings = new Findings();
    Replay replay = new Replay(Selection.ALL, null, ReplayParts.standard(Anonymity.DEFAULT), findings);
    pass(new ChainVerifier(findings), replay);
    requireClean(findings);
    return replay;
  }

  private void pass(LogListener... listeners) {
    AuditPass pass = new AuditPass(List.of(listeners));
    records.forEach(pass::accept);
  }

  /** A pass that found something measured the wrong thing. */
  private static Findings requireClean(Findings findings) {
    if (!findings.isEmpty()) {
      throw new IllegalStateException("the benchmark's log does not verify: " + findings.all().get(0));
    }
    return findings;
  }
}
