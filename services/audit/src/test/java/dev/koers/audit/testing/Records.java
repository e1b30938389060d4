package dev.koers.audit.testing;

import dev.koers.audit.decode.EventDecoder;
import dev.koers.audit.decode.ReadRecord;
import dev.koers.audit.decode.WriterSchemas;
import dev.koers.audit.log.RawRecord;
import dev.koers.audit.log.RecordPosition;
import dev.koers.audit.pass.AuditPass;
import dev.koers.audit.pass.LogListener;
import dev.koers.schema.DecisionEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Log records in memory, for tests of the pure parts of a pass: no broker. */
public final class Records {

  public static final String TOPIC = "koers.decision.events";

  private Records() {}

  /** The events as raw records of one partition, offsets 0, 1, 2... */
  public static List<RawRecord> raw(List<DecisionEvent> events) {
    List<RawRecord> records = new ArrayList<>();
    for (DecisionEvent event : events) {
      records.add(raw(event, 0, records.size()));
    }
    return records;
  }

  public static RawRecord raw(DecisionEvent event, int partition, long offset) {
    return new RawRecord(new RecordPosition(TOPIC, partition, offset),
        event.getDecisionId().getBytes(StandardCharsets.UTF_8), RawLog.encode(event));
  }

  public static RawRecord withValue(RawRecord record, byte[] value) {
    return new RawRecord(record.position(), record.key(), value);
  }

  public static ReadRecord decode(RawRecord record) {
    return new EventDecoder(WriterSchemas.ofDecisionEvents()).decode(record);
  }

  /** Hands the records to the listeners as a pass would, on this thread. */
  public static void feed(List<RawRecord> records, LogListener... listeners) {
    AuditPass pass = new AuditPass(List.of(listeners));
    records.forEach(pass::accept);
  }
}
