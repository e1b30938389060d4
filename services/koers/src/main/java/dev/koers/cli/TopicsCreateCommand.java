package dev.koers.cli;

import dev.koers.wire.KafkaAccess;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.TopicProvisioner;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Creates every Koers topic that is missing, with its partitions, replication, retention (the log "
        + "forever) and cleanup policy, and checks the ones that exist. Safe to run again: a second run changes "
        + "nothing and says so. Exits 1 naming a topic that exists with settings Koers cannot work with.",
        "Run it once before the services ('koers ledger', 'koers api', 'koers views'), which refuse to start "
            + "without their topics."})
final class TopicsCreateCommand implements Callable<Integer> {

  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    KafkaConnection connection = cluster.connection();
    try (Admin admin = connection.admin()) {
      KafkaAccess.check(admin, connection, KafkaAccess.START_TIMEOUT);
      new TopicProvisioner(admin, cluster.replicationFactor)
          .create(new KoersTopics(cluster.topicPrefix, cluster.partitions).all(), line -> out.println("koers: " + line));
    }
    out.flush();
    return 0;
  }
}
