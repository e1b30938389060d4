package dev.koers.audit.testing;

import dev.koers.audit.log.RawRecord;
import dev.koers.schema.DecisionEvent;
import dev.koers.wire.AvroSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A log's records per partition, in order, as plain data to tamper with before it is copied to a fresh topic.
 * Once copied, a record's index in its partition is its offset.
 */
public final class RawLog {

  private static final AvroSerde<DecisionEvent> SERDE = AvroSerde.of(DecisionEvent.class);

  private final Map<Integer, List<RawRecord>> partitions = new TreeMap<>();

  public RawLog(int partitionCount) {
    for (int p = 0; p < partitionCount; p++) {
      partitions.put(p, new ArrayList<>());
    }
  }

  public void add(RawRecord record) {
    partitions.get(record.position().partition()).add(record);
  }

  public Map<Integer, List<RawRecord>> partitions() {
    return partitions;
  }

  public RawLog copy() {
    RawLog copy = new RawLog(partitions.size());
    partitions.forEach((p, records) -> records.forEach(r ->
        copy.partitions.get(p).add(new RawRecord(r.position(), r.key(), r.value().clone()))));
    return copy;
  }

  /** Where a decision's event is: its partition and index. */
  public Place find(String decisionId, long sequence) {
    for (Map.Entry<Integer, List<RawRecord>> e : partitions.entrySet()) {
      List<RawRecord> records = e.getValue();
      for (int i = 0; i < records.size(); i++) {
        DecisionEvent event = event(records.get(i));
        if (event.getDecisionId().equals(decisionId) && event.getSequence() == sequence) {
          return new Place(e.getKey(), i);
        }
      }
    }
    throw new IllegalArgumentException("no event #" + sequence + " of " + decisionId);
  }

  /** The highest sequence of a decision. */
  public long lastSequence(String decisionId) {
    return partitions.values().stream().flatMap(List::stream).map(RawLog::event)
        .filter(e -> e.getDecisionId().equals(decisionId)).mapToLong(DecisionEvent::getSequence).max()
        .orElseThrow();
  }

  public RawRecord at(Place place) {
    return partitions.get(place.partition()).get(place.index());
  }

  public DecisionEvent eventAt(Place place) {
    return event(at(place));
  }

  public void remove(Place place) {
    partitions.get(place.partition()).remove(place.index());
  }

  public void replace(Place place, byte[] value) {
    RawRecord old = at(place);
    partitions.get(place.partition()).set(place.index(), new RawRecord(old.position(), old.key(), value));
  }

  public void insertAfter(Place place, RawRecord record) {
    partitions.get(place.partition()).add(place.index() + 1, record);
  }

  public void swap(Place a, Place b) {
    if (a.partition() != b.partition()) {
      throw new IllegalArgumentException("swap within one partition only");
    }
    List<RawRecord> records = partitions.get(a.partition());
    RawRecord first = records.get(a.index());
    records.set(a.index(), records.get(b.index()));
    records.set(b.index(), first);
  }

  public static DecisionEvent event(RawRecord record) {
    return SERDE.decode(record.value());
  }

  public static byte[] encode(DecisionEvent event) {
    return SERDE.encode(event);
  }

  /** A record's partition and its index there (its offset, once copied). */
  public record Place(int partition, int index) {}
}
