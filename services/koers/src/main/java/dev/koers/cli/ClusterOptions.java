package dev.koers.cli;

import dev.koers.wire.KafkaClientProperties;
import dev.koers.wire.KafkaConnection;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options shared by the services that run against an existing Kafka cluster. */
final class ClusterOptions {

  @Option(names = "--bootstrap-servers", required = true, description = "The Kafka cluster, host:port[,host:port...].")
  String bootstrapServers;

  @Option(names = "--client-properties", paramLabel = "FILE", description = "Kafka client properties (SASL, TLS, timeouts, ...) passed to every client; KOERS_KAFKA_* variables add to and override them, e.g. KOERS_KAFKA_SECURITY_PROTOCOL=SASL_SSL (docs/operations.md).")
  Path clientProperties;

  @Option(names = "--state-dir", defaultValue = "data/streams", description = "Where Kafka Streams keeps local state (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of every Koers topic and application id (default: none).")
  String topicPrefix;

  @Option(names = "--partitions", defaultValue = "3", description = "Partitions of each Koers topic when created (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--replication-factor", defaultValue = "3", description = "Replication of Koers topics and internal topics (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  /** The cluster with the client properties from --client-properties and KOERS_KAFKA_* (not Koers' own options). */
  KafkaConnection connection() {
    return new KafkaConnection(bootstrapServers, KafkaClientProperties.load(clientProperties, System.getenv(),
        Set.of(KoersDefaults.environmentName("kafka-port"))));
  }
}
