package dev.koers.cli;

import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.TopicProvisioner;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Runs one stream application against a cluster until the process is asked to stop. */
final class StreamsServiceRunner {

  private StreamsServiceRunner() {}

  static int run(ClusterOptions cluster, Function<StreamsApps, StreamsService> which) throws InterruptedException {
    KoersTopics topics = new KoersTopics(cluster.topicPrefix, cluster.partitions);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers))) {
      new TopicProvisioner(admin, cluster.replicationFactor).ensure(topics.all());
    }
    StreamsApps apps = new StreamsApps(cluster.bootstrapServers, topics, cluster.topicPrefix, cluster.stateDir,
        cluster.replicationFactor);
    StreamsService service = which.apply(apps).start();
    return UntilStopped.run(service, () -> System.out.println("koers: " + service.name() + " started against "
        + cluster.bootstrapServers));
  }
}
