package dev.koers.audit.digest;

import dev.koers.audit.log.LogExtent;
import dev.koers.audit.verify.Finding;
import dev.koers.audit.verify.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Compares the log, as a pass read it, with a digest taken earlier. */
public final class DigestCheck {

  private DigestCheck() {}

  /**
   * @param expected the digest
   * @param extent what the pass read
   * @param collected the heads below the digest's end offsets
   * @return what differs; empty when the log up to the digest's offsets is unchanged
   */
  public static List<Finding> compare(Digest expected, LogExtent extent, HeadCollector collected) {
    List<Finding> findings = new ArrayList<>();
    Map<Integer, Long> readEnds = extent.endOffsets();
    for (Digest.PartitionEnd covered : expected.partitions()) {
      Long readEnd = readEnds.get(covered.partition());
      if (readEnd == null) {
        findings.add(logFinding(Problem.DIGEST_RANGE_MISSING, "partition " + covered.partition()
            + " of the digest does not exist in " + extent.topic()));
      } else if (readEnd < covered.endOffset()) {
        findings.add(logFinding(Problem.DIGEST_RANGE_MISSING, "partition " + covered.partition() + " ends at offset "
            + readEnd + ", before the digest's end offset " + covered.endOffset()));
      }
    }
    Map<String, Digest.Head> heads = collected.heads();
    String root = Digests.root(heads);
    if (!root.equals(expected.merkleRoot()) || collected.events() != expected.events()) {
      findings.add(logFinding(Problem.DIGEST_MISMATCH, "up to the digest's offsets the log holds "
          + heads.size() + " decisions and " + collected.events() + " events with Merkle root " + root
          + "; the digest says " + expected.decisions() + " decisions, " + expected.events()
          + " events, root " + expected.merkleRoot()));
      if (expected.heads() != null) {
        findings.addAll(headDifferences(expected.heads(), heads));
      }
    }
    return findings;
  }

  private static List<Finding> headDifferences(List<Digest.Head> expectedHeads, Map<String, Digest.Head> heads) {
    List<Finding> findings = new ArrayList<>();
    Map<String, Digest.Head> expected = new HashMap<>();
    expectedHeads.forEach(h -> expected.put(h.decisionId(), h));
    TreeSet<String> ids = new TreeSet<>(MerkleTree.LEAF_ORDER);
    ids.addAll(expected.keySet());
    ids.addAll(heads.keySet());
    for (String id : ids) {
      Digest.Head was = expected.get(id);
      Digest.Head now = heads.get(id);
      if (!Objects.equals(was, now)) {
        findings.add(new Finding(Problem.DIGEST_MISMATCH, id, now == null ? null : now.sequence(), null,
            "head in the digest " + describe(was) + ", in the log " + describe(now)));
      }
    }
    return findings;
  }

  private static String describe(Digest.Head head) {
    return head == null ? "absent" : "#" + head.sequence() + " " + head.hash().substring(0, 12) + "…";
  }

  private static Finding logFinding(Problem problem, String detail) {
    return new Finding(problem, null, null, null, detail);
  }
}
