package dev.koers.cli;

import dev.koers.wire.KafkaAccess;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.TopicProvisioner;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs one stream application against a cluster until the process is asked to stop: checks Kafka and the
 * topics, starts it, prints one line once it is RUNNING (scripts and the crash test wait for it), and ends
 * with exit code 1 when the application fails for good.
 */
final class StreamsServiceRunner {

  private static final Duration WATCH_INTERVAL = Duration.ofMillis(200);

  private StreamsServiceRunner() {}

  static int run(ClusterOptions cluster, Function<StreamsApps, StreamsService> which, ReadyFile readyFile)
      throws InterruptedException {
    KoersTopics topics = new KoersTopics(cluster.topicPrefix, cluster.partitions);
    KafkaConnection connection = cluster.connection();
    try (Admin admin = connection.admin()) {
      KafkaAccess.check(admin, connection, KafkaAccess.START_TIMEOUT);
      new TopicProvisioner(admin, cluster.replicationFactor).verify(topics.all());
    }
    StreamsApps apps = new StreamsApps(connection, topics, cluster.topicPrefix, cluster.stateDir,
        cluster.replicationFactor);
    StreamsService service = which.apply(apps).start();
    while (!service.awaitRunning(WATCH_INTERVAL)) {
      if (failed(service)) {
        service.close();
        throw new UserError(service.name() + " stopped with an error before it ran; see the log above");
      }
    }
    String running = "koers: " + service.name() + " RUNNING against " + connection + " (application.id="
        + service.applicationId() + ", state.dir=" + cluster.stateDir + ", pid=" + ProcessHandle.current().pid() + ")";
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.add(service);
    lifecycle.add(readyFile);
    return UntilStopped.run(lifecycle, () -> {
      readyFile.markReady(running);
      System.out.println(running);
    }, () -> failed(service));
  }

  private static boolean failed(StreamsService service) {
    return service.streams().state() == KafkaStreams.State.ERROR;
  }
}
