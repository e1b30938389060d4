package dev.koers.bench.pipeline;

import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group (a Streams application) is behind, from what it committed: the sum over partitions
 * of end offset minus committed offset, over every partition of the given topic and every other partition the
 * group has committed on (a Streams application's repartition topics). Zero once it has processed, and
 * committed, everything.
 */
final class GroupLag implements AutoCloseable {

  /** @param committed offsets committed so far on the given topic (a partition with no commit counts as 0) */
  record Lag(long committed, long lag) {}

  private final Admin admin;

  GroupLag(String bootstrapServers) {
    this.admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  Lag of(String group, String topic, int partitions) throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get();
      Set<TopicPartition> all = new HashSet<>(committed.keySet());
      IntStream.range(0, partitions).forEach(p -> all.add(new TopicPartition(topic, p)));
      Map<TopicPartition, Long> ends = admin.listOffsets(all.stream()
              .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get()
          .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      long done = 0;
      long lag = 0;
      for (TopicPartition tp : all) {
        OffsetAndMetadata mark = committed.get(tp);
        long at = mark == null ? 0 : mark.offset();
        done += tp.topic().equals(topic) ? at : 0;
        lag += Math.max(0, ends.get(tp) - at);
      }
      return new Lag(done, lag);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of " + group + ": " + e.getCause().getMessage(), e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
