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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One read of the log: each raw record is decoded once and handed to every listener. Not reusable. */
public final class AuditPass implements RecordSink {

  private final EventDecoder decoder = new EventDecoder(WriterSchemas.ofDecisionEvents());
  private final LogListener[] listeners;
  /** Every decision read, looked up once per record for all listeners. */
  private final Map<String, DecisionSlot> slots = new HashMap<>();
  private long events;
  private long unreadable;

  public AuditPass(List<LogListener> listeners) {
    this.listeners = listeners.toArray(LogListener[]::new);
  }

  /**
   * Reads the extent and returns what it held. The reading thread also decodes and hashes each record; the
   * listeners run on a second thread, one record at a time, in log order, so that reading and checking overlap.
   * The checking thread looks each decision up once, in {@link #slotOf}, and hands its slot to every listener.
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

  private DecisionSlot slotOf(LoggedEvent event) {
    String decisionId = event.event().getDecisionId();
    DecisionSlot slot = slots.get(decisionId);
    if (slot == null) {
      slot = new DecisionSlot(decisionId);
      slots.put(decisionId, slot);
    }
    return slot;
  }

  private void dispatch(ReadRecord record) {
    dispatch(record, record instanceof LoggedEvent event ? slotOf(event) : null);
  }

  private void dispatch(ReadRecord record, DecisionSlot slot) {
    if (record instanceof LoggedEvent event) {
      events++;
      for (LogListener listener : listeners) {
        listener.onEvent(event, slot);
      }
    } else {
      unreadable++;
      for (LogListener listener : listeners) {
        listener.onUnreadable((UnreadableRecord) record);
      }
    }
  }
}
