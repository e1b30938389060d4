package dev.koers.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/koers} as a user would, in a child process. Its output goes to a file, which survives the
 * process and can be read at any time (a pipe loses what is buffered when the process is killed).
 */
final class KoersProcess implements AutoCloseable {

  private static final Path KOERS = Path.of("../../bin/koers").toAbsolutePath().normalize();

  private final Process process;
  private final Path output;

  private KoersProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  static KoersProcess start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(KOERS.toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("koers-", ".out");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().put("KOERS_JAVA_OPTS", "-Xmx512m");
    return new KoersProcess(builder.start(), output);
  }

  KoersProcess awaitLine(String fragment, Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(100))
        .failFast("koers exited early:\n" + String.join("\n", lines()), () -> !process.isAlive())
        .until(() -> lines().stream().anyMatch(l -> l.contains(fragment)));
    return this;
  }

  /** SIGTERM, as Ctrl-C or a service manager would send, then the exit code. */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    return awaitExit(timeout);
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("koers did not exit within " + timeout + ":\n" + String.join("\n", lines()));
    }
    return process.exitValue();
  }

  List<String> lines() {
    try {
      return Files.readAllLines(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    Files.deleteIfExists(output);
  }
}
