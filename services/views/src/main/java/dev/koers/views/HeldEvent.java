package dev.koers.views;

/** A record of a quarantined decision, kept as it was read so that a later version can fold it after all. */
record HeldEvent(String topic, int partition, long offset, long timestamp, byte[] value) {}
