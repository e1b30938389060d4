package dev.koers.bench.pipeline;

/** The Kafka the run measures on: a broker the harness starts, or a cluster it is given. */
public interface Broker extends AutoCloseable {

  String bootstrapServers();

  /** What the report says about it. */
  String description();

  /** The broker's process id when the harness started it (for memory figures), else -1. */
  long pid();

  @Override
  void close();
}
