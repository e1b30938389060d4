package dev.koers.bench.pipeline;

import dev.koers.kafka.embedded.BrokerSettings;
import dev.koers.kafka.embedded.BrokerStartException;
import dev.koers.kafka.embedded.ChildJvm;
import dev.koers.kafka.embedded.ChildProcessKafka;
import org.apache.kafka.common.Uuid;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The project's embedded KRaft broker, in a child JVM of its own, so that its CPU and memory are apart from the
 * harness's and from the Koers processes'. Stopped by its own process id when the run ends.
 */
final class ChildBroker implements Broker {

  /** As the test kit's broker, with more heap: a drain writes hundreds of megabytes through it. */
  static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC",
      "-Djava.awt.headless=true");

  /** On a machine shared by many builds a broker has taken over a minute to answer. */
  static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

  private final ChildProcessKafka kafka;

  private ChildBroker(ChildProcessKafka kafka) {
    this.kafka = kafka;
  }

  /**
   * The test kit's broker gives up its session after 3 s without a heartbeat; on a machine this busy the
   * controller then fences its own broker again and again (NOT_LEADER_OR_FOLLOWER for every client). A
   * benchmark wants the broker to ride out a slow patch, as a production broker with Kafka's defaults would.
   */
  private static final Map<String, String> OVERRIDES = Map.of("broker.session.timeout.ms", "30000",
      "broker.heartbeat.interval.ms", "2000");
  /** Free ports are picked before the broker binds them; on a busy machine another process may take one first. */
  private static final int ATTEMPTS = 3;

  static ChildBroker start(Path dataDir, int partitions) {
    BrokerStartException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return new ChildBroker(ChildProcessKafka.start(BrokerSettings.inDirectory(dataDir.resolveSibling(
            dataDir.getFileName() + (attempt == 1 ? "" : "-" + attempt))).withDefaultPartitions(partitions).withOverrides(OVERRIDES),
            ChildJvm.current().withJvmArgs(JVM_OPTIONS), Uuid.randomUuid().toString(), READY_TIMEOUT));
      } catch (BrokerStartException e) {
        last = e;
      }
    }
    throw last;
  }

  @Override
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public String description() {
    return "embedded KRaft broker in a child JVM (" + String.join(" ", JVM_OPTIONS) + "; " + OVERRIDES + ") at "
        + bootstrapServers()
        + ", pid " + kafka.pid();
  }

  @Override
  public long pid() {
    return kafka.pid();
  }

  @Override
  public void close() {
    kafka.close();
  }
}
