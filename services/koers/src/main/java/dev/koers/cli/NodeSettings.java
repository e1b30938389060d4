package dev.koers.cli;

import dev.koers.api.auth.TokenSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a Koers node (ledger, views and API against one Kafka) needs to know. The topic prefix keeps
 * several nodes on one cluster apart (tests give each their own).
 */
record NodeSettings(String bootstrapServers, String topicPrefix, int partitions, short replicationFactor,
                    Path stateDir, String host, int port, Duration outcomeTimeout, Duration clockSkew,
                    TokenSettings tokens, String advertisedHost) {

  /** The node on its own: other views instances reach it at the address it binds. */
  NodeSettings(String bootstrapServers, String topicPrefix, int partitions, short replicationFactor,
               Path stateDir, String host, int port, Duration outcomeTimeout, Duration clockSkew,
               TokenSettings tokens) {
    this(bootstrapServers, topicPrefix, partitions, replicationFactor, stateDir, host, port, outcomeTimeout,
        clockSkew, tokens, host);
  }
}
