package dev.koers.audit.digest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Builds a {@link Digest} from the heads a pass collected. */
public final class Digests {

  private Digests() {}

  public static Digest of(String topic, HeadCollector collected, boolean withHeads) {
    List<Digest.PartitionEnd> partitions = new ArrayList<>();
    collected.endOffsets().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> partitions.add(new Digest.PartitionEnd(e.getKey(), e.getValue())));
    Map<String, Digest.Head> heads = collected.heads();
    List<Digest.Head> sortedHeads = null;
    if (withHeads) {
      sortedHeads = heads.values().stream()
          .sorted((a, b) -> MerkleTree.LEAF_ORDER.compare(a.decisionId(), b.decisionId())).toList();
    }
    return new Digest(Digest.FORMAT, topic, partitions, heads.size(), collected.events(), root(heads),
        sortedHeads);
  }

  /** The Merkle root, as hex, over decision id to head. */
  public static String root(Map<String, Digest.Head> heads) {
    Map<String, byte[]> hashes = new HashMap<>();
    heads.forEach((id, head) -> hashes.put(id, HexFormat.of().parseHex(head.hash())));
    return HexFormat.of().formatHex(MerkleTree.root(hashes));
  }
}
