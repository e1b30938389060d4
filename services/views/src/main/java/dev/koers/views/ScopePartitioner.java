package dev.koers.views;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Puts every window of one unit or manager (keys {@code SCOPE:id:window}) in one partition, so that one
 * instance owns all of its weeks and answers the weekly series from its own store.
 */
public final class ScopePartitioner<V> implements StreamPartitioner<String, V> {

  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
    return Optional.of(Set.of(partition(key, numPartitions)));
  }

  static int partition(String key, int numPartitions) {
    // Windows ("ALL", "2026-W48") never contain ':', ids may: the scope is everything before the last one.
    String scope = key.substring(0, key.lastIndexOf(':'));
    return Utils.toPositive(Utils.murmur2(scope.getBytes(StandardCharsets.UTF_8))) % numPartitions;
  }
}
