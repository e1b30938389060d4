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
import java.util.List;

/** One read of the log: each raw record is decoded once and handed to every listener. Not reusable. */
public final class AuditPass implements RecordSink {

  private final EventDecoder decoder = new EventDecoder(WriterSchemas.ofDecisionEvents());
  private final LogListener[] listeners;
  private long events;
  private long unreadable;

  public AuditPass(List<LogListener> listeners) {
    this.listeners = listeners.toArray(LogListener[]::new);
  }

  /**
   * Reads the extent and returns what it held: on this thread, each record decoded, hashed and handed to every
   * listener in log order. It never returns for a partial pass: a failure, or a read that fell short of the
   * extent, is thrown.
   *
   * @throws dev.koers.audit.log.IncompleteReadException when the read did not cover the whole extent
   */
  public PassSummary run(LogSource source, LogExtent extent, Progress progress) {
    long start = System.nanoTime();
    ReadCoverage coverage = new ReadCoverage(extent);
    long records = source.read(extent, raw -> {
      coverage.saw(raw.position());
      dispatch(decoder.decode(raw));
    }, progress);
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
