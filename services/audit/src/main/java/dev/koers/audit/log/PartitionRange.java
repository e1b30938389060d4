package dev.koers.audit.log;

/** The offsets of one partition that a pass reads: {@code [start, end)}. */
public record PartitionRange(int partition, long start, long end) {

  public PartitionRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("partition " + partition + ": bad range [" + start + ", " + end + ")");
    }
  }

  public long size() {
    return end - start;
  }
}
