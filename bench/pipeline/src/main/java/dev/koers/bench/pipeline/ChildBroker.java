package dev.koers.bench.pipeline;

import dev.koers.kafka.embedded.BrokerSettings;
import dev.koers.kafka.embedded.ChildJvm;
import dev.koers.kafka.embedded.ChildProcessKafka;
import java.nio.file.Path;
import java.util.List;

/**
 * The project's embedded KRaft broker, in a child JVM of its own, so that its CPU and memory are apart from the
 * harness's and from the Koers processes'. Stopped by its own process id when the run ends.
 */
final class ChildBroker implements Broker {

  /** As the test kit's broker, with more heap: a drain writes hundreds of megabytes through it. */
  static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC",
      "-Djava.awt.headless=true");

  private final ChildProcessKafka kafka;

  private ChildBroker(ChildProcessKafka kafka) {
    this.kafka = kafka;
  }

  static ChildBroker start(Path dataDir, int partitions) {
    return new ChildBroker(ChildProcessKafka.start(BrokerSettings.inDirectory(dataDir).withDefaultPartitions(partitions),
        ChildJvm.current().withJvmArgs(JVM_OPTIONS)));
  }

  @Override
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public String description() {
    return "embedded KRaft broker in a child JVM (" + String.join(" ", JVM_OPTIONS) + ") at " + bootstrapServers()
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
