package dev.koers.bench.hotpaths;

import dev.koers.domain.ChainLink;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Sha256;
import java.security.MessageDigest;
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
 * The hash chain on one event: sealing it as the ledger does (its Avro body, SHA-256, the hash set), checking a
 * body's own hash as the audit does (SHA-256 of the raw body, a digest reused), and checking its link to the
 * event before ({@link ChainLink}, as the ledger's evolve and the audit do).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Hash {

  /** One event's link: its previousHash and the hash of the chain's last event. */
  record Link(Sha256 previousHash, byte[] lastHash) {}

  private final HashChain chain = new HashChain();
  private final MessageDigest sha256 = HashChain.sha256();
  private Cycle<DecisionEvent> unsealed;
  private Cycle<byte[]> bodies;
  private Cycle<Link> links;

  @Setup
  public void recordTheLog() {
    RecordedLog log = RecordedLog.standard();
    List<DecisionEvent> events = log.events();
    unsealed = new Cycle<>(events.stream()
        .map(event -> DecisionEvent.newBuilder(event).setHash(HashChain.genesis()).build()).toList());
    bodies = new Cycle<>(events.stream().map(HashChain::encode).toList());
    links = new Cycle<>(log.transitions().stream().map(t -> new Link(t.event().getPreviousHash(),
        t.before() == null ? HashChain.genesis().bytes() : HashChain.fromHex(t.before().lastHash()).bytes()))
        .toList());
  }

  @Benchmark
  public DecisionEvent seal() {
    return chain.seal(unsealed.next());
  }

  @Benchmark
  public boolean verifyBody() {
    byte[] body = bodies.next();
    return HashChain.verifiesBody(body, 0, body.length, sha256);
  }

  @Benchmark
  public boolean link() {
    Link link = links.next();
    return ChainLink.links(link.previousHash(), link.lastHash());
  }
}
