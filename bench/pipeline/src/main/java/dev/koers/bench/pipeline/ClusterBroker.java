package dev.koers.bench.pipeline;

/** A Kafka cluster the harness is given with --bootstrap-servers: used, never started or stopped. */
record ClusterBroker(String bootstrapServers) implements Broker {

  @Override
  public String description() {
    return "the cluster at " + bootstrapServers;
  }

  @Override
  public long pid() {
    return -1;
  }

  @Override
  public void close() {}
}
