package dev.koers.audit.log;

import java.util.HashMap;
import java.util.Map;

/**
 * What a pass saw of its extent, kept apart from the reader's own loop: per partition, the offset after the last
 * record handed over. Once the read ends, the log itself is asked whether any record lies between that and the
 * extent's end ({@link LogSource#firstRecordsBelowEnd}); a verdict is only given on a read that covered it all.
 * Used by the reading thread only.
 */
public final class ReadCoverage {

  private final LogExtent extent;
  /** The offset after the last record seen, per partition number; the partition's start before its first. */
  private final long[] next;
  private String outside;

  public ReadCoverage(LogExtent extent) {
    this.extent = extent;
    int size = extent.partitions().stream().mapToInt(PartitionRange::partition).max().orElse(-1) + 1;
    this.next = new long[size];
    extent.partitions().forEach(p -> next[p.partition()] = p.start());
  }

  /** One record handed over, in order within its partition. */
  public void saw(RecordPosition position) {
    int partition = position.partition();
    long offset = position.offset();
    if (partition < 0 || partition >= next.length || offset < next[partition]) {
      outside = outside != null ? outside : "partition " + partition + " offset " + offset;
      return;
    }
    next[partition] = offset + 1;
  }

  /** The offset after the last record seen, per partition of the extent. */
  public Map<Integer, Long> nextOffsets() {
    Map<Integer, Long> offsets = new HashMap<>();
    extent.partitions().forEach(p -> offsets.put(p.partition(), next[p.partition()]));
    return offsets;
  }

  /**
   * Fails unless every partition was read to its fixed end and nothing outside it, or out of order, was handed
   * over.
   *
   * @param unread what {@link LogSource#firstRecordsBelowEnd} found after {@link #nextOffsets()}
   * @throws IncompleteReadException naming the first partition that falls short
   */
  public void requireComplete(Map<Integer, Long> unread) {
    if (outside != null) {
      throw new IncompleteReadException("the read of " + extent.topic() + " handed over " + outside
          + ", outside its extent or out of order");
    }
    for (PartitionRange range : extent.partitions()) {
      long seen = next[range.partition()];
      if (seen > range.end()) {
        throw new IncompleteReadException("the read of " + extent.topic() + " handed over offset " + (seen - 1)
            + " of partition " + range.partition() + ", beyond its extent [" + range.start() + ", "
            + range.end() + ")");
      }
      Long missed = unread.get(range.partition());
      if (missed != null) {
        throw new IncompleteReadException("the read of " + extent.topic() + " ended early: partition "
            + range.partition() + " was read up to offset " + seen + " of [" + range.start() + ", "
            + range.end() + "), and the record at offset " + missed + " was never read");
      }
    }
  }
}
