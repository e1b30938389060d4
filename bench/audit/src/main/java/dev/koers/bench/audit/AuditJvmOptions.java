package dev.koers.bench.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The JVM options bin/koers gives 'koers audit', from the one file that holds them: bin/audit-jvm-options. */
public final class AuditJvmOptions {

  private AuditJvmOptions() {}

  /** The options, found from the working directory upwards (Maven runs the benchmarks in bench/audit). */
  public static List<String> read() throws IOException {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path file = dir.resolve("bin").resolve("audit-jvm-options");
      if (Files.isRegularFile(file)) {
        String options = Files.readAllLines(file).stream().filter(line -> !line.startsWith("#"))
            .collect(Collectors.joining(" ")).strip();
        return List.of(options.split("\\s+"));
      }
    }
    throw new IllegalStateException("no bin/audit-jvm-options in " + here + " or above");
  }
}
