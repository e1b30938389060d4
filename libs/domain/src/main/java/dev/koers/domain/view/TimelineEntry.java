package dev.koers.domain.view;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Role;
import dev.koers.schema.event.FeedbackGiven;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event of a decision's timeline, flattened for people and JSON: the envelope and the event kind's own
 * fields by their schema names. {@link #withoutPersonalData()} is what viewers see.
 */
public record TimelineEntry(long sequence, String eventId, String kind, Instant occurredAt, Instant recordedAt,
                            String actorId, Role actorRole, String submissionId, String previousHash,
                            String hash, Map<String, Object> data) {

  public static TimelineEntry of(DecisionEvent event) {
    SpecificRecord payload = (SpecificRecord) event.getPayload();
    HexFormat hex = HexFormat.of();
    return new TimelineEntry(event.getSequence(), event.getEventId(), payload.getSchema().getName(),
        event.getOccurredAt(), event.getRecordedAt(), event.getActor().getId(), event.getActor().getRole(),
        event.getSubmissionId(), hex.formatHex(event.getPreviousHash().bytes()),
        hex.formatHex(event.getHash().bytes()), fields(payload));
  }

  /**
   * What viewers and managers see of a feedback: that it was recorded, where in the chain and when (sequence,
   * event id, recordedAt, previousHash and hash, so the chain can still be checked), and nothing of who gave
   * it, from which perspective, with which ratings and words, or when they say it happened: one respondent's
   * answers are never readable, however few respondents there are (docs/metrics.md). Other kinds stay whole.
   */
  public TimelineEntry withoutPersonalData() {
    if (!FeedbackGiven.class.getSimpleName().equals(kind)) {
      return this;
    }
    return new TimelineEntry(sequence, eventId, kind, null, recordedAt, null, null, null, previousHash, hash,
        Map.of());
  }

  private static Map<String, Object> fields(SpecificRecord payload) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (Schema.Field field : payload.getSchema().getFields()) {
      data.put(field.name(), plain(payload.get(field.pos())));
    }
    return data;
  }

  /** Enums as their names, lists element by element; strings, numbers, booleans and instants as they are. */
  private static Object plain(Object value) {
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(TimelineEntry::plain).toList();
    }
    return value;
  }
}
