package dev.koers.audit.cli;

import dev.koers.audit.log.LogReader;
import dev.koers.audit.log.LogSource;
import dev.koers.audit.log.ReaderSettings;
import dev.koers.wire.KafkaClientProperties;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.KoersTopics;
import java.nio.file.Path;
import java.util.Set;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Where the log is: the options every audit subcommand shares. */
public final class KafkaOptions {

  @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT",
      description = "The Kafka cluster, host:port[,host:port...]. Read-only: no group, no commits.")
  String bootstrapServers;

  @Option(names = "--client-properties", paramLabel = "FILE",
      description = "Kafka client properties (SASL, TLS, ...) for reading the log; KOERS_KAFKA_* variables add to "
          + "and override them (docs/operations.md, \"Security\").")
  Path clientProperties;

  @Option(names = "--topic-prefix", defaultValue = "", paramLabel = "PREFIX",
      description = "Prefix of the Koers topic names (default: none).")
  String topicPrefix;

  @Option(names = "--idle-timeout", defaultValue = "PT30S", paramLabel = "DURATION",
      description = "Give up when a partition returns nothing for this long (default: ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Option(names = {"-q", "--quiet"}, description = "No progress on stderr (it is shown only on a terminal anyway).")
  boolean quiet;

  @Option(names = "--stats", description = "At the end, print on stderr how many records were read and how fast "
      + "(replay: also how long rebuilding and writing took).")
  boolean stats;

  /** Opens the log; tests put a source here that fails on purpose. */
  Function<ReaderSettings, LogSource> sources = LogReader::new;

  String eventsTopic() {
    return topicPrefix + KoersTopics.EVENTS;
  }

  ReaderSettings readerSettings() {
    return new ReaderSettings(new KafkaConnection(bootstrapServers,
        KafkaClientProperties.load(clientProperties, System.getenv(), Set.of())), "koers-audit", idleTimeout);
  }
}
