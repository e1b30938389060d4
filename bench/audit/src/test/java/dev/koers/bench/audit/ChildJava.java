package dev.koers.bench.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test classpath in a fresh JVM and returns what it printed. */
public final class ChildJava {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private ChildJava() {}

  /** The measured tools' JVM options: {@code -Dbench.childJvmArgs}, else what bin/koers gives 'koers audit'. */
  public static List<String> jvmOptions() throws IOException {
    String given = System.getProperty("bench.childJvmArgs", "").strip();
    return given.isEmpty() ? AuditJvmOptions.read() : List.of(given.split("\\s+"));
  }

  public static List<String> run(String mainClass, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions());
    command.addAll(List.of("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.koers", "-cp",
        System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("child-java", ".out");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(mainClass + " did not finish within " + TIMEOUT);
      }
      return Files.readAllLines(output);
    } finally {
      Files.delete(output);
    }
  }
}
