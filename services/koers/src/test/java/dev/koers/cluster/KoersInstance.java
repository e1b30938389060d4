package dev.koers.cluster;

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
 * One {@code koers} process ({@code koers ledger}, {@code koers api}, a tool) started from the built launcher jar
 * ({@code target/koers.jar}, which the package phase builds before the integration tests), as an operator runs
 * it. Each run writes its own output file, which survives the process (a pipe loses what is buffered when the
 * process is killed). Signals go to this process's own pid only; a restart runs the same command again.
 */
public final class KoersInstance implements AutoCloseable {

  public static final int SIGKILL_EXIT = 128 + 9;
  public static final int SIGTERM_EXIT = 128 + 15;

  private static final Path LAUNCHER = Path.of("target", "koers.jar").toAbsolutePath();
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");

  private final String name;
  private final List<String> args;
  private final Path outputDir;
  private final Thread exitHook = new Thread(this::killWithParent, "koers-instance-terminator");
  private volatile Process process; // replaced on restart; read without the lock by the exit hook
  private Path output; // guarded by this
  private int runs; // guarded by this

  private KoersInstance(String name, List<String> args, Path outputDir) {
    this.name = name;
    this.args = List.copyOf(args);
    this.outputDir = outputDir;
  }

  /**
   * Starts {@code koers <args>}; its output goes to {@code outputDir/<name>-<run>.out}.
   *
   * @param name names the instance in files and messages, e.g. "ledger-1"
   */
  public static KoersInstance start(String name, List<String> args, Path outputDir) {
    KoersInstance instance = new KoersInstance(name, args, outputDir);
    instance.launch();
    Runtime.getRuntime().addShutdownHook(instance.exitHook);
    return instance;
  }

  /** Runs a one-shot command ({@code topics create}, {@code audit verify}) to its end; returns its exit code. */
  public static Result run(String name, List<String> args, Path outputDir, Duration timeout) {
    try (KoersInstance tool = new KoersInstance(name, args, outputDir)) {
      tool.launch();
      int code = tool.awaitExit(timeout);
      return new Result(code, tool.lines(), tool.output());
    }
  }

  /** How a one-shot command ended: exit code, and its output (stdout and stderr together). */
  public record Result(int exitCode, List<String> lines, Path output) {

    public String text() {
      return String.join("\n", lines);
    }
  }

  /** Waits until this run printed a line containing {@code fragment}; fails at once if the process exits. */
  public KoersInstance awaitLine(String fragment, Duration timeout) {
    await(name + " printing '" + fragment + "'").atMost(timeout).pollInterval(Duration.ofMillis(100))
        .failFast(name + " exited; see " + output(), () -> !isAlive() && !printed(fragment))
        .until(() -> printed(fragment));
    return this;
  }

  /** SIGKILL: a crash, no shutdown hook runs; returns the exit code (137). */
  public synchronized int kill() {
    process.destroyForcibly();
    return awaitExit(STOP_TIMEOUT);
  }

  /**
   * SIGTERM, as a service manager stops it; if it has not exited after {@code timeout}, SIGKILL and an
   * exception: a process that does not stop when asked is a bug.
   */
  public synchronized int terminate(Duration timeout) {
    process.destroy();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        awaitExit(STOP_TIMEOUT);
        throw new IllegalStateException(name + " (pid " + process.pid() + ") did not stop within " + timeout
            + " of SIGTERM; killed it. See " + output());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping " + name, e);
    }
    return process.exitValue();
  }

  /** Starts the same command again (after a kill or a stop), with a new output file. */
  public synchronized KoersInstance restart() {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " still runs (pid " + process.pid() + ")");
    }
    launch();
    return this;
  }

  /** Waits for the exit and returns its code; kills the process if it has not exited in time. */
  public int awaitExit(Duration timeout) {
    Process current = process;
    try {
      if (!current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        current.destroyForcibly();
        current.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        throw new IllegalStateException(name + " (pid " + current.pid() + ") did not exit within " + timeout
            + "; killed it. See " + output());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
    return current.exitValue();
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** This run's output file. */
  public synchronized Path output() {
    return output;
  }

  /** This run's output so far. */
  public List<String> lines() {
    try {
      return Files.readAllLines(output());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + output(), e);
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited in time; does nothing to a process that already exited. */
  @Override
  public synchronized void close() {
    try {
      if (process != null && process.isAlive()) {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      removeExitHook();
    }
  }

  @Override
  public String toString() {
    return name + "[pid " + (process == null ? "-" : process.pid()) + "]";
  }

  private synchronized void launch() {
    runs++;
    output = outputDir.resolve(name + "-" + runs + ".out");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-jar");
    command.add(LAUNCHER.toString());
    command.addAll(args);
    try {
      Files.createDirectories(outputDir);
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.to(output.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not launch " + name + " (" + LAUNCHER + ")", e);
    }
  }

  private boolean printed(String fragment) {
    return lines().stream().anyMatch(line -> line.contains(fragment));
  }

  // Without this a child would outlive an aborted test run and keep its ports and consumer group membership.
  private void killWithParent() {
    Process current = process;
    if (current != null && current.isAlive()) {
      current.destroyForcibly();
    }
  }

  private void removeExitHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException | IllegalArgumentException notRegistered) {
      // The JVM is exiting (the hook runs anyway), or a one-shot tool never registered it.
    }
  }
}
