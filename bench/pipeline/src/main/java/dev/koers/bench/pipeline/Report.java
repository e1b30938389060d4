package dev.koers.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The run's report: a header (command, machine, load), each scenario's section, the load at the end. */
final class Report {

  private final List<String> lines = new ArrayList<>();

  Report(String command, BenchRun run) {
    lines.add("== koers pipeline load harness ==");
    lines.add("started " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", commit " + System.getProperty("bench.commit", "unknown"));
    lines.add("command: " + command);
    lines.add("machine: " + Machine.describe() + "; at start: " + Machine.uptime());
    lines.add("koers processes: " + String.join(" ", run.settings().koersJvmOptions()) + "; commit interval "
        + run.settings().commitInterval().toMillis() + " ms");
  }

  void broker(Broker broker) {
    lines.add("broker: " + broker.description());
  }

  void add(ReportSection section) {
    lines.add("");
    lines.addAll(section.render());
  }

  String text() {
    List<String> all = new ArrayList<>(lines);
    all.add("");
    all.add("at end: " + Machine.uptime());
    return String.join(System.lineSeparator(), all) + System.lineSeparator();
  }

  /** Writes the report as {@code pipeline-<time>.txt} and as {@code pipeline.txt} (the latest); returns the first. */
  Path write(Path dir) {
    String text = text();
    Path file = dir.resolve("pipeline-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "") + ".txt");
    try {
      Files.createDirectories(dir);
      Files.writeString(file, text);
      Files.writeString(dir.resolve("pipeline.txt"), text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + dir, e);
    }
    return file;
  }
}
