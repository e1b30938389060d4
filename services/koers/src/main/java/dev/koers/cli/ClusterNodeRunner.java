package dev.koers.cli;

import dev.koers.wire.proof.SubmissionKey;
import java.time.Duration;
import java.util.Set;

/** Runs a clustered node (views and HTTP, with or without commands) until the process is asked to stop. */
final class ClusterNodeRunner {

  private ClusterNodeRunner() {}

  /** @param submissionKey the key that proves this node's commands; null for a node that takes none */
  static int run(ClusteredNodeOptions options, Duration outcomeTimeout, Set<NodePart> parts,
                 SubmissionKey submissionKey) throws InterruptedException {
    ClusterOptions cluster = options.cluster;
    HttpOptions http = options.http;
    NodeSettings settings = new NodeSettings(cluster.connection(), cluster.topicPrefix, cluster.partitions,
        cluster.replicationFactor, cluster.stateDir, http.host, http.port, outcomeTimeout, Duration.ofMinutes(2),
        options.tokens.settings(), http.advertisedHostOrDefault(), parts, options.views.anonymity(),
        options.streams.limits(), false, submissionKey);
    KoersNode node = KoersNode.start(settings, line -> System.out.println("koers: " + line));
    return UntilStopped.run(() -> node.stop(http.drainDelay), () -> System.out.println("koers: serving at http://"
        + http.advertisedHostOrDefault() + ":" + node.port() + " against " + settings.connection()));
  }
}
