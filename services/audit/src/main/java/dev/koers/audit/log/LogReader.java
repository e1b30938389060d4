package dev.koers.audit.log;

import dev.koers.audit.progress.Progress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from Kafka as raw bytes, read-only: it assigns the partitions itself, seeks to where the extent
 * starts and stops at the extent's end offsets, and never joins a group or commits an offset.
 */
public final class LogReader implements LogSource {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

  private final ReaderSettings settings;
  private final KafkaConsumer<byte[], byte[]> consumer;

  public LogReader(ReaderSettings settings) {
    this.settings = settings;
    this.consumer = new KafkaConsumer<>(settings.consumerConfig(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /**
   * The whole topic as it stands now: from each partition's first offset to its last stable offset (what
   * committed transactions have written).
   */
  @Override
  public LogExtent currentExtent(String topic) {
    List<TopicPartition> partitions = partitionsOf(topic);
    try {
      Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, METADATA_TIMEOUT);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, METADATA_TIMEOUT);
      return new LogExtent(topic, partitions.stream()
          .map(tp -> new PartitionRange(tp.partition(), starts.get(tp), ends.get(tp)))
          .toList());
    } catch (KafkaException e) {
      throw new LogUnreadableException("cannot read the offsets of " + topic + " at "
          + settings.bootstrapServers() + ": " + e.getMessage(), e);
    }
  }

  /** Hands every record of the extent to the sink, in order within each partition; returns the record count. */
  @Override
  public long read(LogExtent extent, RecordSink sink, Progress progress) {
    Map<TopicPartition, PartitionRange> ranges = new HashMap<>();
    extent.partitions().forEach(r -> ranges.put(new TopicPartition(extent.topic(), r.partition()), r));
    progress.start(extent.totalOffsets());
    try {
      consumer.assign(ranges.keySet());
      ranges.forEach((tp, range) -> consumer.seek(tp, range.start()));
      return readUntilEnds(extent.topic(), ranges, sink, progress);
    } catch (KafkaException e) {
      throw new LogUnreadableException("cannot read " + extent.topic() + " at " + settings.bootstrapServers()
          + ": " + e.getMessage(), e);
    } finally {
      progress.close();
      consumer.unsubscribe();
    }
  }

  private long readUntilEnds(String topic, Map<TopicPartition, PartitionRange> ranges, RecordSink sink,
      Progress progress) {
    Set<TopicPartition> unfinished = new HashSet<>(ranges.keySet());
    unfinished.removeIf(tp -> ranges.get(tp).size() == 0);
    consumer.pause(subtract(ranges.keySet(), unfinished));
    long records = 0;
    long covered = 0;
    long lastAdvance = System.nanoTime();
    while (!unfinished.isEmpty()) {
      ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
      for (TopicPartition tp : batch.partitions()) {
        long end = ranges.get(tp).end();
        for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
          if (r.offset() >= end) {
            break;
          }
          sink.accept(new RawRecord(new RecordPosition(topic, tp.partition(), r.offset()), r.key(), r.value()));
          records++;
        }
      }
      long nowCovered = coveredOffsets(ranges);
      if (nowCovered > covered) {
        covered = nowCovered;
        lastAdvance = System.nanoTime();
      } else if (System.nanoTime() - lastAdvance > settings.idleTimeout().toNanos()) {
        throw new LogUnreadableException("no progress reading " + unfinished + " for " + settings.idleTimeout()
            + "; positions " + positions(unfinished) + ", expected ends " + ends(ranges, unfinished));
      }
      finishReached(ranges, unfinished);
      progress.update(records, covered);
    }
    return records;
  }

  private void finishReached(Map<TopicPartition, PartitionRange> ranges, Set<TopicPartition> unfinished) {
    Set<TopicPartition> done = new HashSet<>();
    for (TopicPartition tp : unfinished) {
      if (consumer.position(tp) >= ranges.get(tp).end()) {
        done.add(tp);
      }
    }
    if (!done.isEmpty()) {
      // Stop fetching what lies beyond the extent.
      consumer.pause(done);
      unfinished.removeAll(done);
    }
  }

  /**
   * Reads again from each partition's given offset, up to the extent's end: under read_committed, what lies there
   * when every record was read is only transaction markers and aborted records, which the consumer skips.
   */
  @Override
  public Map<Integer, Long> firstRecordsBelowEnd(LogExtent extent, Map<Integer, Long> from) {
    Map<TopicPartition, PartitionRange> rest = new HashMap<>();
    for (PartitionRange range : extent.partitions()) {
      long next = Math.max(range.start(), from.getOrDefault(range.partition(), range.start()));
      if (next < range.end()) {
        rest.put(new TopicPartition(extent.topic(), range.partition()),
            new PartitionRange(range.partition(), next, range.end()));
      }
    }
    Map<Integer, Long> found = new HashMap<>();
    if (rest.isEmpty()) {
      return found;
    }
    try {
      consumer.assign(rest.keySet());
      rest.forEach((tp, range) -> consumer.seek(tp, range.start()));
      Set<TopicPartition> open = new HashSet<>(rest.keySet());
      long since = System.nanoTime();
      while (!open.isEmpty()) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
        for (TopicPartition tp : batch.partitions()) {
          List<ConsumerRecord<byte[], byte[]>> records = batch.records(tp);
          if (open.remove(tp) && !records.isEmpty() && records.get(0).offset() < rest.get(tp).end()) {
            found.put(tp.partition(), records.get(0).offset());
          }
        }
        open.removeIf(tp -> consumer.position(tp) >= rest.get(tp).end());
        consumer.pause(subtract(rest.keySet(), open));
        if (!open.isEmpty() && System.nanoTime() - since > settings.idleTimeout().toNanos()) {
          throw new LogUnreadableException("no progress re-reading " + open + " up to the extent's end for "
              + settings.idleTimeout());
        }
      }
      return found;
    } catch (KafkaException e) {
      throw new LogUnreadableException("cannot read " + extent.topic() + " at " + settings.bootstrapServers()
          + ": " + e.getMessage(), e);
    } finally {
      consumer.unsubscribe();
    }
  }

  private long coveredOffsets(Map<TopicPartition, PartitionRange> ranges) {
    long covered = 0;
    for (Map.Entry<TopicPartition, PartitionRange> e : ranges.entrySet()) {
      PartitionRange range = e.getValue();
      if (range.size() > 0) {
        covered += Math.min(consumer.position(e.getKey()), range.end()) - range.start();
      }
    }
    return covered;
  }

  private List<TopicPartition> partitionsOf(String topic) {
    List<PartitionInfo> infos;
    try {
      infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
    } catch (KafkaException e) {
      throw new LogUnreadableException("cannot reach Kafka at " + settings.bootstrapServers() + " to find "
          + topic + ": " + e.getMessage(), e);
    }
    if (infos == null || infos.isEmpty()) {
      throw new LogUnreadableException("topic " + topic + " does not exist at " + settings.bootstrapServers()
          + " (is --topic-prefix right?)");
    }
    return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
  }

  private Map<Integer, Long> positions(Set<TopicPartition> partitions) {
    Map<Integer, Long> positions = new HashMap<>();
    partitions.forEach(tp -> positions.put(tp.partition(), consumer.position(tp)));
    return positions;
  }

  private static Map<Integer, Long> ends(Map<TopicPartition, PartitionRange> ranges, Set<TopicPartition> which) {
    Map<Integer, Long> ends = new HashMap<>();
    which.forEach(tp -> ends.put(tp.partition(), ranges.get(tp).end()));
    return ends;
  }

  private static Set<TopicPartition> subtract(Set<TopicPartition> all, Set<TopicPartition> minus) {
    Set<TopicPartition> rest = new HashSet<>(all);
    rest.removeAll(minus);
    return rest;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
