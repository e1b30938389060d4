package dev.koers.ledger;

import static org.awaitility.Awaitility.await;

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
 * {@link LedgerMain} in a child JVM, as an operator would run it: {@code java -cp <classpath> ... LedgerMain}.
 * Its output goes to a file (a pipe would lose what is buffered when the child is killed).
 */
final class LedgerProcess implements AutoCloseable {

  static final int SIGKILL_EXIT = 128 + 9;
  static final int SIGTERM_EXIT = 128 + 15;

  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(40);
  private static final List<String> JVM_ARGS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
      "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.koers");

  private final Process process;
  private final Path output;

  private LedgerProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts the ledger with this test JVM's classpath. */
  static LedgerProcess start(LedgerOptions options, Path output) {
    return start(System.getProperty("java.class.path"), options, output);
  }

  static LedgerProcess start(String classpath, LedgerOptions options, Path output) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_ARGS);
    // For a look inside while measuring, e.g. -Dledger.it.jvmArgs=-XX:StartFlightRecording=filename=ledger.jfr
    String extra = System.getProperty("ledger.it.jvmArgs", "");
    if (!extra.isBlank()) {
      command.addAll(List.of(extra.strip().split("\\s+")));
    }
    command.add("-cp");
    command.add(classpath);
    command.add(LedgerMain.class.getName());
    command.addAll(options.toArgs());
    try {
      Files.createDirectories(output.getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(Redirect.to(output.toFile())).start();
      return new LedgerProcess(process, output);
    } catch (IOException e) {
      throw new UncheckedIOException("could not launch the ledger", e);
    }
  }

  /** Waits for {@link LedgerMain#RUNNING_LINE}; fails at once if the child exits instead. */
  LedgerProcess awaitRunning(Duration timeout) {
    return awaitLine(LedgerMain.RUNNING_LINE, timeout);
  }

  LedgerProcess awaitLine(String start, Duration timeout) {
    await("ledger child printing '" + start + "'").atMost(timeout).pollInterval(Duration.ofMillis(50))
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
