package dev.koers.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/** Decision ids that land on every partition, as Kafka's default partitioner places a record keyed by one. */
final class ProbeDecisions {

  private ProbeDecisions() {}

  /** {@code perPartition} ids on each of {@code partitions} partitions, named {@code prefix-pN}. */
  static List<String> covering(int partitions, int perPartition, String prefix) {
    int[] found = new int[partitions];
    List<String> ids = new ArrayList<>();
    for (int i = 0; ids.size() < partitions * perPartition; i++) {
      String id = prefix + "-p" + i;
      int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
      if (found[partition] < perPartition) {
        found[partition]++;
        ids.add(id);
      }
    }
    return ids;
  }
}
