package dev.koers.audit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tools/outside-reader/verify_chain.py with Debian's python3, as CI does. */
public final class OutsideReader {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private OutsideReader() {}

  public static AuditCli.Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(python(), script().toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("outside-reader-", ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("verify_chain.py did not finish within " + TIMEOUT + ":\n"
          + Files.readString(output));
    }
    String printed = Files.readString(output);
    Files.delete(output);
    if (printed.contains("ModuleNotFoundError")) {
      throw new IllegalStateException("verify_chain.py needs Debian's python3-avro and python3-confluent-kafka "
          + "(apt-get install python3-avro python3-confluent-kafka; .ci/run does):\n" + printed);
    }
    return new AuditCli.Result(process.exitValue(), printed, "");
  }

  /** Debian's python3, which has the Debian packages, even when another python3 comes first on the PATH. */
  static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  /** The script, found from the module directory (where Maven runs tests) or any directory below the repo. */
  static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("tools/outside-reader/verify_chain.py");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("tools/outside-reader/verify_chain.py not found above "
        + Path.of("").toAbsolutePath());
  }
}
