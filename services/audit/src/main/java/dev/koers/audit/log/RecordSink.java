package dev.koers.audit.log;

/** Receives the records of a pass, in order within each partition. */
@FunctionalInterface
public interface RecordSink {

  void accept(RawRecord record);
}
