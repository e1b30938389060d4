package dev.koers.ledger;

import static org.awaitility.Awaitility.await;

import dev.koers.wire.KoersTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ledger as an operator runs it, {@code bin/koers ledger}, in its own process. Its output goes to a file (a
 * pipe would lose what is buffered when the process is killed).
 */
final class LedgerProcess implements AutoCloseable {

  static final int SIGKILL_EXIT = 128 + 9;
  static final int SIGTERM_EXIT = 128 + 15;
  /** What 'koers ledger' prints once its application is RUNNING. */
  static final String RUNNING_LINE = "koers: ledger RUNNING";

  private static final Path KOERS = Path.of("../../bin/koers").toAbsolutePath().normalize();
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(40);
  private static final String JVM_OPTIONS = "-Xms64m -Xmx384m -XX:+UseSerialGC";

  private final Process process;
  private final Path output;

  private LedgerProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** What the ledger is told: the same flags an operator gives 'koers ledger'. */
  record Options(String bootstrapServers, Path stateDir, String topicPrefix, int partitions, Duration clockSkew,
                 Path submissionKeyFile) {

    String applicationId() {
      return topicPrefix + Ledger.APPLICATION_ID;
    }

    KoersTopics topics() {
      return new KoersTopics(topicPrefix, partitions);
    }

    List<String> args() {
      return List.of("ledger", "--bootstrap-servers", bootstrapServers, "--state-dir", stateDir.toString(),
          "--topic-prefix=" + topicPrefix, "--partitions", String.valueOf(partitions),
          "--replication-factor", "-1", "--clock-skew", clockSkew.toString(), "--submission-key-file",
          submissionKeyFile.toString());
    }
  }

  static LedgerProcess start(Options options, Path output) {
    List<String> command = new ArrayList<>();
    command.add(KOERS.toString());
    command.addAll(options.args());
    try {
      Files.createDirectories(output.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(Redirect.to(output.toFile()));
      // For a look inside while measuring, e.g. -Dledger.it.jvmArgs=-XX:StartFlightRecording=filename=ledger.jfr
      builder.environment().put("KOERS_JAVA_OPTS", (JVM_OPTIONS + " " + System.getProperty("ledger.it.jvmArgs", ""))
          .strip());
      return new LedgerProcess(builder.start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("could not launch the ledger", e);
    }
  }

  /** Waits for {@link #RUNNING_LINE}; fails at once if the process exits instead. */
  LedgerProcess awaitRunning(Duration timeout) {
    return awaitLine(RUNNING_LINE, timeout);
  }

  LedgerProcess awaitLine(String start, Duration timeout) {
    await("ledger printing '" + start + "'").atMost(timeout).pollInterval(Duration.ofMillis(50))
        .failFast("the ledger exited early: " + output, () -> !process.isAlive() && !printed(start))
        .until(() -> printed(start));
    return this;
  }

  /** SIGKILL: a crash, no shutdown hook, no flush, no commit; returns the exit code. */
  int kill() {
    process.destroyForcibly();
    return awaitExit();
  }

  /** SIGTERM, as a service manager stops it; returns the exit code. */
  int terminate() {
    process.destroy();
    return awaitExit();
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path output() {
    return output;
  }

  List<String> lines() {
    try {
      return Files.readAllLines(output);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + output, e);
    }
  }

  private boolean printed(String start) {
    return lines().stream().anyMatch(line -> line.startsWith(start));
  }

  private int awaitExit() {
    try {
      if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the ledger (pid " + process.pid() + ") did not exit within "
            + EXIT_TIMEOUT + "; see " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the ledger to exit", e);
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      awaitExit();
    }
  }
}
