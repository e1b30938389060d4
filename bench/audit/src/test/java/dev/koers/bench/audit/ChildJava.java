package dev.koers.bench.audit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test classpath in a fresh JVM and returns what it printed and how long it took. */
public final class ChildJava {

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  /** What a child JVM printed, and its wall time from starting the process to its exit (JVM start included). */
  public record Result(List<String> lines, long wallNanos) {}

  private ChildJava() {}

  /** The measured tools' JVM options: {@code -Dbench.childJvmArgs}, else what bin/koers gives 'koers audit'. */
  public static List<String> jvmOptions() throws IOException {
    String given = System.getProperty("bench.childJvmArgs", "").strip();
    return given.isEmpty() ? AuditJvmOptions.read() : List.of(given.split("\\s+"));
  }

  /**
   * @param classesFirst a classes directory put before the classpath (a variant of the audit's code, whose classes
   *     then shadow the built ones), or null
   */
  public static Result run(Path classesFirst, String mainClass, String... args)
      throws IOException, InterruptedException {
    String classpath = System.getProperty("java.class.path");
    if (classesFirst != null) {
      classpath = classesFirst.toAbsolutePath() + File.pathSeparator + classpath;
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions());
    command.addAll(List.of("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.koers", "-cp", classpath, mainClass));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("child-java", ".out");
    try {
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(mainClass + " did not finish within " + TIMEOUT);
      }
      long wall = System.nanoTime() - start;
      return new Result(Files.readAllLines(output), wall);
    } finally {
      Files.delete(output);
    }
  }
}
