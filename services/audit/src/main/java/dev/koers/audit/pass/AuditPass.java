package dev.koers.audit.pass;

import dev.koers.audit.decode.EventDecoder;
import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.decode.ReadRecord;
import dev.koers.audit.decode.UnreadableRecord;
import dev.koers.audit.decode.WriterSchemas;
import dev.koers.audit.log.LogExtent;
import dev.koers.audit.log.LogReader;
import dev.koers.audit.log.RawRecord;
import dev.koers.audit.log.RecordSink;
import dev.koers.audit.progress.Progress;
import java.time.Duration;
import java.util.List;

/** One read of the log: each raw record is decoded once and handed to every listener. Not reusable. */
public final class AuditPass implements RecordSink {

  private final EventDecoder decoder = new EventDecoder(WriterSchemas.ofDecisionEvents());
  private final List<LogListener> listeners;
  private long events;
  private long unreadable;

  public AuditPass(List<LogListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /**
   * Reads the extent and returns what it held. The reading thread also decodes; the listeners run on a second
   * thread, one record at a time, in log order, so that reading and checking overlap.
   */
  public PassSummary run(LogReader reader, LogExtent extent, Progress progress) {
    long records;
    long start = System.nanoTime();
    try (PipelinedSink<ReadRecord> pipeline = new PipelinedSink<>(this::dispatch)) {
      records = reader.read(extent, raw -> pipeline.accept(decoder.decode(raw)), progress);
      pipeline.finish();
    }
    return new PassSummary(extent, records, events, unreadable, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Decodes and dispatches one record on this thread (for a pass driven record by record). */
  @Override
  public void accept(RawRecord raw) {
    dispatch(decoder.decode(raw));
  }

  private void dispatch(ReadRecord record) {
    if (record instanceof LoggedEvent event) {
      events++;
      for (LogListener listener : listeners) {
        listener.onEvent(event);
      }
    } else {
      unreadable++;
      for (LogListener listener : listeners) {
        listener.onUnreadable((UnreadableRecord) record);
      }
    }
  }
}
