package dev.koers.testkit;

import static org.awaitility.Awaitility.await;

import dev.koers.kafka.embedded.BrokerPorts;
import dev.koers.kafka.embedded.BrokerSettings;
import dev.koers.kafka.embedded.ChildJvm;
import dev.koers.kafka.embedded.ChildProcessKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three KRaft brokers in combined mode (each also a controller voter), each a child JVM on its own data
 * directory under one root, replicated as a production cluster is: every topic (the internal ones too) three
 * replicas, two in sync. A test kills one with SIGKILL and starts it again on the same data directory and ports.
 * Nodes are numbered 1 to 3, as their {@code node.id}.
 */
public final class ThreeBrokerCluster implements AutoCloseable {

  public static final int SIZE = 3;

  private static final Logger LOG = LoggerFactory.getLogger(ThreeBrokerCluster.class);
  private static final String HOST = "127.0.0.1";
  // Three brokers share two cores with the services under test: a small heap, one GC thread, and the quick
  // C1 compiler only (the brokers' own work is light; C2's compile bursts would steal the cores at start).
  private static final List<String> JVM_ARGS = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");
  // Three JVMs starting at once on a loaded machine: a minute was not always enough (load average 19).
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final List<ChildProcessKafka> brokers;

  private ThreeBrokerCluster(List<ChildProcessKafka> brokers) {
    this.brokers = List.copyOf(brokers);
  }

  /** Formats and starts the three brokers under {@code root} and returns once each answers clients. */
  public static ThreeBrokerCluster start(Path root) {
    return start(root, Map.of());
  }

  /** The same, with broker properties applied over the cluster's own (for example shorter timeouts). */
  public static ThreeBrokerCluster start(Path root, Map<String, String> brokerOverrides) {
    List<BrokerPorts> ports = BrokerPorts.free(SIZE);
    String clusterId = Uuid.randomUuid().toString();
    ChildJvm jvm = ChildJvm.current().withJvmArgs(JVM_ARGS);
    // Started together: no broker answers clients before a majority of the voters has elected a leader.
    List<CompletableFuture<ChildProcessKafka>> starting = IntStream.rangeClosed(1, SIZE)
        .mapToObj(node -> CompletableFuture.supplyAsync(() -> ChildProcessKafka.start(
            settings(root, node, ports, brokerOverrides), jvm, clusterId, READY_TIMEOUT)))
        .toList();
    List<ChildProcessKafka> started = new ArrayList<>();
    RuntimeException failure = null;
    for (CompletableFuture<ChildProcessKafka> broker : starting) {
      try {
        started.add(broker.join());
      } catch (CompletionException e) {
        failure = failure == null ? unwrap(e) : failure;
      }
    }
    if (failure != null) {
      started.forEach(ChildProcessKafka::closeOrKill);
      throw failure;
    }
    ThreeBrokerCluster cluster = new ThreeBrokerCluster(started);
    LOG.info("Three-broker cluster {} ready at {} (pids {})", clusterId, cluster.bootstrapServers(), cluster.pids());
    return cluster;
  }

  /** Every broker's address, as a client is given them. */
  public String bootstrapServers() {
    return brokers.stream().map(ChildProcessKafka::bootstrapServers).collect(Collectors.joining(","));
  }

  /** Broker {@code node} (1 to 3). */
  public ChildProcessKafka broker(int node) {
    if (node < 1 || node > SIZE) {
      throw new IllegalArgumentException("node must be 1 to " + SIZE + ", was " + node);
    }
    return brokers.get(node - 1);
  }

  /** SIGKILL to broker {@code node}: a crash, no controlled shutdown; returns its exit code (137). */
  public int kill(int node) {
    return broker(node).kill();
  }

  /** SIGTERM to broker {@code node}: a controlled shutdown; returns its exit code (143). */
  public int stop(int node) {
    return broker(node).stop();
  }

  /** Starts broker {@code node} again on its data directory and ports; returns once it answers clients. */
  public void restart(int node) {
    broker(node).restart();
  }

  public List<Long> pids() {
    return brokers.stream().map(ChildProcessKafka::pid).toList();
  }

  /** Waits until the controller counts {@code expected} live brokers (after a kill: 2, after a restart: 3). */
  public void awaitLiveBrokers(int expected, Duration timeout) {
    try (Admin admin = admin()) {
      await("the cluster counting " + expected + " live brokers").atMost(timeout)
          .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
          .until(() -> admin.describeCluster().nodes().get().size() == expected);
    }
  }

  /**
   * Waits until every partition of every topic (the internal ones too) has all its replicas in sync again: a
   * restarted broker has caught up, and the cluster may lose another one without losing an acknowledged write.
   */
  public void awaitFullyReplicated(Duration timeout) {
    try (Admin admin = admin()) {
      await("every replica back in sync").atMost(timeout).pollInterval(Duration.ofMillis(500))
          .ignoreExceptions().until(() -> underReplicated(admin).isEmpty());
    }
  }

  /** Partitions with fewer in-sync replicas than replicas, as "topic-partition isr/replicas". */
  public List<String> underReplicated() {
    try (Admin admin = admin()) {
      return underReplicated(admin);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not describe the cluster's topics", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing the cluster's topics", e);
    }
  }

  /** An admin client on the whole cluster; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
  }

  /**
   * SIGTERM to every broker at once (one by one, the last would wait for a quorum that is gone), then SIGKILL
   * to any that has not exited in time: a teardown, so a slow controlled shutdown is logged, not a failure.
   */
  @Override
  public void close() {
    List<CompletableFuture<Void>> closing = brokers.stream()
        .map(broker -> CompletableFuture.runAsync(broker::closeOrKill)).toList();
    RuntimeException failure = null;
    for (CompletableFuture<Void> broker : closing) {
      try {
        broker.join();
      } catch (CompletionException e) {
        failure = failure == null ? unwrap(e) : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "ThreeBrokerCluster[" + bootstrapServers() + "]";
  }

  private static List<String> underReplicated(Admin admin) throws ExecutionException, InterruptedException {
    var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
    Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
    List<String> lagging = new ArrayList<>();
    topics.values().forEach(topic -> {
      for (TopicPartitionInfo partition : topic.partitions()) {
        if (partition.isr().size() < partition.replicas().size()) {
          lagging.add(topic.name() + "-" + partition.partition() + " " + ids(partition.isr()) + "/"
              + ids(partition.replicas()));
        }
      }
    });
    return lagging;
  }

  private static List<Integer> ids(List<Node> nodes) {
    return nodes.stream().map(Node::id).toList();
  }

  private static BrokerSettings settings(Path root, int node, List<BrokerPorts> ports, Map<String, String> extra) {
    return BrokerSettings.inDirectory(root.resolve("broker-" + node))
        .withPorts(ports.get(node - 1))
        .withOverrides(clusterProperties(node, ports))
        .withOverrides(extra);
  }

  private static Map<String, String> clusterProperties(int node, List<BrokerPorts> ports) {
    Map<String, String> props = new HashMap<>();
    props.put("node.id", String.valueOf(node));
    props.put("controller.quorum.voters", IntStream.rangeClosed(1, SIZE)
        .mapToObj(voter -> voter + "@" + HOST + ":" + ports.get(voter - 1).controller())
        .collect(Collectors.joining(",")));
    // As docker-compose.yml: exactly-once is void if a transaction or an offset commit lives on one broker.
    props.put("default.replication.factor", "3");
    props.put("min.insync.replicas", "2");
    props.put("offsets.topic.replication.factor", "3");
    props.put("transaction.state.log.replication.factor", "3");
    props.put("transaction.state.log.min.isr", "2");
    props.put("share.coordinator.state.topic.replication.factor", "3");
    props.put("share.coordinator.state.topic.min.isr", "2");
    props.put("unclean.leader.election.enable", "false");
    return props;
  }

  private static RuntimeException unwrap(CompletionException e) {
    return e.getCause() instanceof RuntimeException runtime ? runtime : e;
  }
}
