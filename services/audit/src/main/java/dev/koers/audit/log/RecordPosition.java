package dev.koers.audit.log;

/** Where a record sits in Kafka: what an auditor needs to find it again. */
public record RecordPosition(String topic, int partition, long offset) {

  @Override
  public String toString() {
    return topic + "/" + partition + "@" + offset;
  }
}
