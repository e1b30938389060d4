package dev.koers.cli;

import dev.koers.api.StreamLimits;
import dev.koers.api.auth.TokenSettings;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.proof.SubmissionKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything a Koers node needs to know. The topic prefix keeps several installations on one cluster apart
 * (tests give each their own); nodes with the same prefix form one installation. A node that creates its
 * topics is the embedded default's (and a test's); against a cluster a node only checks them ('koers topics
 * create' provisions them), so a missing or wrongly set topic stops it at start.
 */
record NodeSettings(KafkaConnection connection, String topicPrefix, int partitions, short replicationFactor,
                    Path stateDir, String host, int port, Duration outcomeTimeout, Duration clockSkew,
                    TokenSettings tokens, String advertisedHost, Set<NodePart> parts, Anonymity anonymity,
                    StreamLimits streams, boolean createsTopics, SubmissionKey submissionKey) {

  NodeSettings {
    if (submissionKey == null && (parts.contains(NodePart.LEDGER) || parts.contains(NodePart.COMMANDS))) {
      throw new IllegalArgumentException("a node that runs the ledger or takes commands needs the submission key");
    }
  }

  /** Against a cluster reached without extra client properties, creating the topics (the embedded broker, tests). */
  NodeSettings(String bootstrapServers, String topicPrefix, int partitions, short replicationFactor,
               Path stateDir, String host, int port, Duration outcomeTimeout, Duration clockSkew,
               TokenSettings tokens, String advertisedHost, Set<NodePart> parts, Anonymity anonymity,
               StreamLimits streams, SubmissionKey submissionKey) {
    this(KafkaConnection.plain(bootstrapServers), topicPrefix, partitions, replicationFactor, stateDir, host, port,
        outcomeTimeout, clockSkew, tokens, advertisedHost, parts, anonymity, streams, true, submissionKey);
  }

  /** The whole node (ledger, views, queries and commands), reachable at the address it binds. */
  NodeSettings(String bootstrapServers, String topicPrefix, int partitions, short replicationFactor,
               Path stateDir, String host, int port, Duration outcomeTimeout, Duration clockSkew,
               TokenSettings tokens, SubmissionKey submissionKey) {
    this(bootstrapServers, topicPrefix, partitions, replicationFactor, stateDir, host, port, outcomeTimeout,
        clockSkew, tokens, host, EnumSet.allOf(NodePart.class), Anonymity.DEFAULT, StreamLimits.DEFAULT,
        submissionKey);
  }

  boolean runs(NodePart part) {
    return parts.contains(part);
  }
}
