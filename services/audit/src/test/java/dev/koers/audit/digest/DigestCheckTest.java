package dev.koers.audit.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.audit.log.LogExtent;
import dev.koers.audit.log.PartitionRange;
import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LedgerRun;
import dev.koers.audit.testing.Records;
import dev.koers.audit.verify.Finding;
import dev.koers.audit.verify.Problem;
import dev.koers.schema.DecisionEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A digest against heads collected in memory. */
class DigestCheckTest {

  private final List<DecisionEvent> events = LedgerRun.events(Histories.interleaved(3));
  private final LogExtent extent = new LogExtent(Records.TOPIC, List.of(new PartitionRange(0, 0, events.size())));

  @Test
  void theSameLogMatchesItsDigest() {
    Digest digest = Digests.of(Records.TOPIC, collect(events, events.size()), true);

    assertThat(DigestCheck.compare(digest, extent, collect(events, events.size()))).isEmpty();
    assertThat(digest.decisions()).isEqualTo(3);
    assertThat(digest.events()).isEqualTo(events.size());
    assertThat(digest.heads()).extracting(Digest.Head::decisionId).containsExactly("d-000", "d-001", "d-002");
  }

  @Test
  void onlyTheOffsetsBelowTheDigestsEndsCount() {
    Digest early = Digests.of(Records.TOPIC, collect(events, 6), false);

    assertThat(DigestCheck.compare(early, extent, collect(events, 6))).isEmpty();
    assertThat(early.events()).isEqualTo(6);
  }

  @Test
  void aLogShorterThanTheDigestAndADifferentHeadAreNamed() {
    Digest digest = Digests.of(Records.TOPIC, collect(events, events.size()), true);
    List<DecisionEvent> shorter = events.subList(0, events.size() - 1);
    LogExtent shorterExtent = new LogExtent(Records.TOPIC, List.of(new PartitionRange(0, 0, shorter.size())));

    List<Finding> found = DigestCheck.compare(digest, shorterExtent, collect(shorter, events.size()));

    DecisionEvent last = events.get(events.size() - 1);
    assertThat(found).extracting(Finding::problem).containsExactly(Problem.DIGEST_RANGE_MISSING,
        Problem.DIGEST_MISMATCH, Problem.DIGEST_MISMATCH);
    assertThat(found.get(2).decisionId()).isEqualTo(last.getDecisionId());
    assertThat(found.get(2).detail()).contains("#" + last.getSequence()).contains("#" + (last.getSequence() - 1));
  }

  private static HeadCollector collect(List<DecisionEvent> events, long end) {
    HeadCollector heads = new HeadCollector(Map.of(0, end));
    Records.feed(Records.raw(events), heads);
    return heads;
  }
}
