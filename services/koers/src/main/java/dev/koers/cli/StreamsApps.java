package dev.koers.cli;

import dev.koers.domain.metrics.Anonymity;
import dev.koers.ledger.Ledger;
import dev.koers.views.Views;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import dev.koers.wire.proof.SubmissionKey;
import java.nio.file.Path;
import java.time.Duration;

/** Builds the ledger and views applications the same way in every mode (embedded or cluster). */
final class StreamsApps {

  private static final long COMMIT_INTERVAL_MS = 100;

  private final KafkaConnection connection;
  private final KoersTopics topics;
  private final String prefix;
  private final Path stateDir;
  private final short replicationFactor;

  StreamsApps(KafkaConnection connection, KoersTopics topics, String prefix, Path stateDir, short replicationFactor) {
    this.connection = connection;
    this.topics = topics;
    this.prefix = prefix;
    this.stateDir = stateDir;
    this.replicationFactor = replicationFactor;
  }

  StreamsService ledger(Duration clockSkew, SubmissionKey submissionKey) {
    return Ledger.create(topics, settings(Ledger.APPLICATION_ID, null), clockSkew, submissionKey);
  }

  StreamsService views(String applicationServer, Anonymity anonymity) {
    return Views.create(topics, settings(Views.APPLICATION_ID, applicationServer), anonymity);
  }

  private StreamsSettings settings(String applicationId, String applicationServer) {
    return new StreamsSettings(connection, prefix + applicationId, stateDir, replicationFactor,
        COMMIT_INTERVAL_MS, applicationServer);
  }
}
