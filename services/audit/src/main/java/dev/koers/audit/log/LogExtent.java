package dev.koers.audit.log;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The part of a topic that one pass reads: a range of offsets per partition, fixed before reading starts. */
public record LogExtent(String topic, List<PartitionRange> partitions) {

  public LogExtent {
    partitions = partitions.stream().sorted(Comparator.comparingInt(PartitionRange::partition)).toList();
  }

  /** Offsets to cover in all; markers of transactions take offsets too, so this is not a record count. */
  public long totalOffsets() {
    return partitions.stream().mapToLong(PartitionRange::size).sum();
  }

  /** The end offset of each partition, in partition order. */
  public Map<Integer, Long> endOffsets() {
    Map<Integer, Long> ends = new LinkedHashMap<>();
    partitions.forEach(p -> ends.put(p.partition(), p.end()));
    return ends;
  }
}
