package dev.koers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.domain.ChainLink.SequenceFit;
import dev.koers.schema.Sha256;
import org.junit.jupiter.api.Test;

/** The chain-link check that the ledger's Evolver and the audit's verifier share. */
class ChainLinkTest {

  @Test
  void only_the_next_sequence_fits() {
    assertThat(ChainLink.sequenceFit(0, 1)).isEqualTo(SequenceFit.NEXT);
    assertThat(ChainLink.sequenceFit(4, 5)).isEqualTo(SequenceFit.NEXT);
    assertThat(ChainLink.sequenceFit(4, 7)).isEqualTo(SequenceFit.GAP);
    assertThat(ChainLink.sequenceFit(4, 4)).isEqualTo(SequenceFit.REPEAT);
    assertThat(ChainLink.sequenceFit(4, 2)).isEqualTo(SequenceFit.REPEAT);
    assertThat(ChainLink.sequenceFit(0, 0)).isEqualTo(SequenceFit.REPEAT);
    assertThat(ChainLink.sequenceFit(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isEqualTo(SequenceFit.NEXT);
  }

  @Test
  void a_previous_hash_links_only_to_the_same_bytes() {
    byte[] last = new byte[HashChain.HASH_BYTES];
    last[31] = 7;
    byte[] same = last.clone();
    byte[] other = last.clone();
    other[0] = 1;

    assertThat(ChainLink.links(new Sha256(same), last)).isTrue();
    assertThat(ChainLink.links(new Sha256(other), last)).isFalse();
    assertThat(ChainLink.links(null, last)).isFalse();
    assertThat(ChainLink.links(HashChain.genesis(), HashChain.GENESIS.bytes())).isTrue();
    assertThat(ChainLink.links(new Sha256(same), HashChain.GENESIS.bytes())).isFalse();
  }

  @Test
  void the_check_allocates_nothing_per_event() {
    // The audit asks it for every record of the log: an allocation per call would be garbage per record.
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    byte[] last = new byte[HashChain.HASH_BYTES];
    Sha256 previous = new Sha256(last.clone());
    int linked = ChainLink.links(previous, last) ? 0 : -1; // loads the classes before measuring
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      if (ChainLink.sequenceFit(i, i + 1) == SequenceFit.NEXT && ChainLink.links(previous, last)) {
        linked++;
      }
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(linked).isEqualTo(100_000);
    // One object per check would be at least 1.6 MB; what remains is the JIT's and the measurement's own.
    assertThat(allocated).as("bytes allocated by 100,000 checks").isLessThan(100_000);
  }
}
