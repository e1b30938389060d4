package dev.koers.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long an installation took to recover from each fault, measured from the SIGKILL: until commands succeeded
 * again through some instance and through both, and until queries answered from both instances. Written as
 * tab-separated lines, appended to a file as each is measured (a run cut short keeps what it measured), so that
 * several runs add up (docs/operations.md takes p50 and max).
 */
public final class FaultRecoveryTimes {

  public static final String HEADER =
      "# run\tfault\tprocess\tcommands_any_s\tcommands_both_s\tqueries_both_s\tload_average";

  private final String run;
  private final Path file;
  private final List<String> rows = new ArrayList<>();

  /**
   * @param run names the run in every line, e.g. its start instant
   * @param file where the lines are appended, with the header when the file is new
   */
  public FaultRecoveryTimes(String run, Path file) {
    this.run = run;
    this.file = file;
  }

  public synchronized void add(String fault, String process, Duration commandsAny, Duration commandsBoth,
                               Duration queriesBoth, double loadAverage) {
    String row = String.join("\t", run, fault, process, seconds(commandsAny), seconds(commandsBoth),
        seconds(queriesBoth), String.format(Locale.ROOT, "%.1f", loadAverage));
    rows.add(row);
    append(row);
  }

  public synchronized String table() {
    return HEADER + "\n" + String.join("\n", rows);
  }

  public Path file() {
    return file;
  }

  private void append(String row) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      StringBuilder text = new StringBuilder();
      if (!Files.exists(file)) {
        text.append(HEADER).append('\n');
      }
      text.append(row).append('\n');
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2f", duration.toMillis() / 1000.0);
  }
}
