package dev.koers.audit.pass;

import dev.koers.audit.decode.EventDecoder;
import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.decode.ReadRecord;
import dev.koers.audit.decode.UnreadableRecord;
import dev.koers.audit.decode.WriterSchemas;
import dev.koers.audit.log.LogExtent;
import dev.koers.audit.log.LogSource;
import dev.koers.audit.log.RawRecord;
import dev.koers.audit.log.ReadCoverage;
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
   * It never returns for a partial pass: a failure of either thread, or a read that fell short of the extent,
   * is thrown.
   *
   * @throws dev.koers.audit.log.IncompleteReadException when the read did not cover the whole extent
   */
  public PassSummary run(LogSource source, LogExtent extent, Progress progress) {
    long records;
    long start = System.nanoTime();
    ReadCoverage coverage = new ReadCoverage(extent);
    try (PipelinedSink<ReadRecord> pipeline = new PipelinedSink<>(this::dispatch)) {
      records = source.read(extent, raw -> {
        coverage.saw(raw.position());
        pipeline.accept(decoder.decode(raw));
      }, progress);
      pipeline.finish();
    }
    // A verdict covers the whole extent or is not given: checked apart from the reader's own loop.
    coverage.requireComplete(source.firstRecordsBelowEnd(extent, coverage.nextOffsets()));
    if (events + unreadable != records) {
      throw new IllegalStateException("the pass checked " + (events + unreadable) + " of the " + records
          + " records read");
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
