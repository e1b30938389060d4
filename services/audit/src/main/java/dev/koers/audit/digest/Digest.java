package dev.koers.audit.digest;

import java.util.List;

/**
 * What {@code koers audit digest} writes (docs/audit.md): the offsets covered and the Merkle root over every
 * decision's head hash within them.
 *
 * @param format always {@link #FORMAT}
 * @param topic the events topic it was taken from
 * @param partitions every partition's end offset: the digest covers the offsets below it
 * @param decisions how many decisions (leaves)
 * @param events how many events the covered offsets hold
 * @param merkleRoot the root, 64 hex digits
 * @param heads each decision's head, sorted like the leaves; null unless asked for
 */
public record Digest(String format, String topic, List<PartitionEnd> partitions, long decisions, long events,
                     String merkleRoot, List<Head> heads) {

  public static final String FORMAT = "koers-audit-digest/1";

  /** A partition and the offset the digest covers it up to (exclusive). */
  public record PartitionEnd(int partition, long endOffset) {}

  /** A decision's last event within the digest: its sequence and hash (hex). */
  public record Head(String decisionId, long sequence, String hash) {}
}
