package dev.koers.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the services that run against an existing Kafka cluster. */
final class ClusterOptions {

  @Option(names = "--bootstrap-servers", required = true, description = "The Kafka cluster, host:port[,host:port...].")
  String bootstrapServers;

  @Option(names = "--state-dir", defaultValue = "data/streams", description = "Where Kafka Streams keeps local state (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of every Koers topic and application id (default: none).")
  String topicPrefix;

  @Option(names = "--partitions", defaultValue = "3", description = "Partitions of each Koers topic when created (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--replication-factor", defaultValue = "3", description = "Replication of Koers topics and internal topics (default: ${DEFAULT-VALUE}).")
  short replicationFactor;
}
