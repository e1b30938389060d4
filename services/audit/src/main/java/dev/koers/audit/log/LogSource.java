package dev.koers.audit.log;

import dev.koers.audit.progress.Progress;
import java.util.Map;

/** Where a pass reads the log from: {@link LogReader} on Kafka; tests substitute a source that fails on purpose. */
public interface LogSource extends AutoCloseable {

  /** The whole topic as it stands now, from each partition's first offset to its last stable offset. */
  LogExtent currentExtent(String topic);

  /** Hands every record of the extent to the sink, in order within each partition; returns the record count. */
  long read(LogExtent extent, RecordSink sink, Progress progress);

  /**
   * For each partition of the extent, the offset of the first record at or after {@code from} (the offset after
   * the last record read; the partition's start when none was) and below the extent's end, if there is one: a
   * record there was not read. Transaction markers and aborted records, which read_committed never hands over,
   * do not count.
   */
  Map<Integer, Long> firstRecordsBelowEnd(LogExtent extent, Map<Integer, Long> from);

  @Override
  void close();
}
