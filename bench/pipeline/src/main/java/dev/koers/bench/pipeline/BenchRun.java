package dev.koers.bench.pipeline;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What the scenarios of one run share: the settings, the broker, a work directory, Kafka's perf tools, fresh
 * Koers installations, and a progress line on the console. Closing it stops the broker it started.
 */
public final class BenchRun implements AutoCloseable {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final BenchSettings settings;
  private final Path workDir;
  private final String runId;
  private Broker broker;

  BenchRun(BenchSettings settings, Path workDir, String runId) {
    this.settings = settings;
    this.workDir = workDir;
    this.runId = runId;
  }

  public BenchSettings settings() {
    return settings;
  }

  public Path workDir() {
    return workDir;
  }

  /** The run's Kafka, started on first use when none was given. */
  public synchronized Broker broker() {
    if (broker == null) {
      progress("starting the embedded broker");
      broker = settings.embedded() ? ChildBroker.start(workDir.resolve("kafka"), settings.partitions())
          : new ClusterBroker(settings.bootstrapServers());
      progress("broker: " + broker.description());
    }
    return broker;
  }

  /** A new installation with its own topic prefix, keys and state ({@code label} names it in the prefix). */
  public KoersInstallation installation(String label) {
    String prefix = "bench-" + runId + "-" + label + ".";
    return new KoersInstallation(settings, broker().bootstrapServers(), prefix, workDir.resolve(label));
  }

  KafkaPerf perf() {
    return new KafkaPerf(settings, broker().bootstrapServers(), workDir.resolve("perf"));
  }

  /** Creates a topic for the perf tools, with the run's partitions and replication, and returns its name. */
  public String createTopic(String label) throws InterruptedException {
    String name = "bench-" + runId + "-" + label;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers()))) {
      Optional<Short> replication = settings.replicationFactor() < 0 ? Optional.empty()
          : Optional.of(settings.replicationFactor());
      admin.createTopics(List.of(new NewTopic(name, Optional.of(settings.partitions()), replication))).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e);
    }
    return name;
  }

  /** One line on the console, so a long run shows what it does. */
  public void progress(String line) {
    System.out.println(CLOCK.format(LocalTime.now()) + " bench: " + line);
  }

  @Override
  public synchronized void close() {
    if (broker != null) {
      broker.close();
    }
  }
}
