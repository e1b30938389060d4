package dev.koers.bench.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own perf tools (kafka-tools), each in a fresh JVM with the koers processes' options, on the run's
 * broker: the ceiling every Koers figure is divided by.
 */
final class KafkaPerf {

  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final Pattern PRODUCER_SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec .*?"
      + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, "
      + "(\\d+) ms 99.9th");

  /** ProducerPerformance's last line: throughput and latency from send to acknowledgement, ms. */
  record ProducerFigures(long records, double recordsPerSecond, double avgMs, double maxMs, double p50Ms,
                         double p99Ms, double p999Ms) {}

  /** ConsumerPerformance: records read per second of fetching (group join excluded). */
  record ConsumerFigures(long records, double recordsPerSecond) {}

  private final BenchSettings settings;
  private final String bootstrapServers;
  private final Path logDir;

  KafkaPerf(BenchSettings settings, String bootstrapServers, Path logDir) {
    this.settings = settings;
    this.bootstrapServers = bootstrapServers;
    this.logDir = logDir;
  }

  /**
   * Writes {@code records} records of {@code recordSize} bytes to {@code topic} (which must exist), acks=all,
   * at {@code throughput} records/s (-1: as fast as it can).
   */
  ProducerFigures produce(String topic, long records, int recordSize, int throughput) throws InterruptedException {
    List<String> out = JavaProcess.run("ProducerPerformance", settings.koersJvmOptions(),
        "org.apache.kafka.tools.ProducerPerformance", List.of("--topic", topic, "--num-records",
            String.valueOf(records), "--record-size", String.valueOf(recordSize), "--throughput",
            String.valueOf(throughput), "--command-property", "bootstrap.servers=" + bootstrapServers, "acks=all"),
        logDir.resolve("producer-performance-" + topic + ".log"), TIMEOUT);
    for (int i = out.size() - 1; i >= 0; i--) {
      Matcher m = PRODUCER_SUMMARY.matcher(out.get(i));
      if (m.find()) {
        return new ProducerFigures(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
            Double.parseDouble(m.group(7)), Double.parseDouble(m.group(8)));
      }
    }
    throw new IllegalStateException("ProducerPerformance printed no summary: " + String.join("\n", out));
  }

  /** Reads {@code records} records of {@code topic} from the start: its fetch.nMsg.sec. */
  ConsumerFigures consume(String topic, long records) throws InterruptedException {
    List<String> out = JavaProcess.run("ConsumerPerformance", settings.koersJvmOptions(),
        "org.apache.kafka.tools.ConsumerPerformance", List.of("--bootstrap-server", bootstrapServers, "--topic", topic,
            "--num-records", String.valueOf(records), "--timeout", "60000"),
        logDir.resolve("consumer-performance-" + topic + ".log"), TIMEOUT);
    List<String> results = out.stream().filter(l -> l.matches("^\\d{4}-.*")).toList();
    if (results.isEmpty()) {
      throw new IllegalStateException("ConsumerPerformance printed no result: " + String.join("\n", out));
    }
    String[] fields = results.get(results.size() - 1).split(",\\s*");
    return new ConsumerFigures(Long.parseLong(fields[4]), Double.parseDouble(fields[9]));
  }
}
