package dev.koers.audit.log;

/**
 * One record of the log exactly as Kafka returned it: nothing decoded, so a broken record can be reported
 * instead of stopping the read.
 *
 * @param position where it was read
 * @param key the key bytes (the decision id in UTF-8), or null
 * @param value the value bytes (an Avro single-object encoded event), or null
 */
public record RawRecord(RecordPosition position, byte[] key, byte[] value) {}
