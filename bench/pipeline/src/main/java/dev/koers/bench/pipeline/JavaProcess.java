package dev.koers.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A child JVM on this JVM's classpath, its output in a log file. Stopped by its own process id: SIGTERM first
 * (Koers and Kafka shut down cleanly), SIGKILL only if it does not exit in time.
 */
public final class JavaProcess implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(50);

  private final String name;
  private final Process process;
  private final Path log;
  private final long startedNanos;

  private JavaProcess(String name, Process process, Path log, long startedNanos) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.startedNanos = startedNanos;
    // A harness stopped with Ctrl-C must not leave its services running.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-" + name + "-" + process.pid()));
  }

  /** Starts {@code mainClass} with {@code jvmOptions} and {@code args}; its output goes to {@code log}. */
  public static JavaProcess start(String name, List<String> jvmOptions, String mainClass, List<String> args, Path log) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      long started = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      return new JavaProcess(name, process, log, started);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** Runs to the end and returns what it printed; fails naming the log when it exits with an error. */
  public static List<String> run(String name, List<String> jvmOptions, String mainClass, List<String> args, Path log,
      Duration timeout) throws InterruptedException {
    try (JavaProcess child = start(name, jvmOptions, mainClass, args, log)) {
      if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
      }
      if (child.process.exitValue() != 0) {
        throw new IllegalStateException(name + " exited with " + child.process.exitValue() + "; see " + log);
      }
      return child.output();
    }
  }

  /** Waits until the log has a line matching {@code pattern}; fails if the process exits first or time runs out. */
  public String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> line = output().stream().filter(l -> pattern.matcher(l).find()).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see " + log);
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  public List<String> output() {
    try {
      return Files.readAllLines(log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** When this process was started, on {@link System#nanoTime()}'s clock. */
  public long startedNanos() {
    return startedNanos;
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
