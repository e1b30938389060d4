package dev.koers.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a process holds in memory, as the operating system and the JVM's own tools tell: resident set (its peak,
 * VmHWM, and now, VmRSS, from /proc), the heap's peaks from its GC log ({@code -Xlog:gc:file=...}: used before a
 * collection, live after one, committed), and a class histogram of the heap ({@code jcmd GC.class_histogram}).
 */
final class ProcessMemory {

  /** The heap's peaks over a GC log, in MiB. */
  record HeapPeaks(long collections, double maxUsedBefore, double maxLiveAfter, double maxCommitted) {}

  /** A G1 or Serial line: "... 245M->87M(512M) 12.345ms". */
  private static final Pattern SIZES = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private ProcessMemory() {}

  /** The JVM option that writes the GC log {@link #heapPeaks} reads. */
  static String gcLogOption(Path file) {
    return "-Xlog:gc:file=" + file;
  }

  /** VmHWM and VmRSS from /proc/&lt;pid&gt;/status, in MiB: the resident set's peak and its size now. */
  static double[] residentMiB(long pid) {
    try {
      double hwm = -1;
      double rss = -1;
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          hwm = kib(line) / 1024.0;
        } else if (line.startsWith("VmRSS:")) {
          rss = kib(line) / 1024.0;
        }
      }
      return new double[] {hwm, rss};
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the memory of process " + pid, e);
    }
  }

  private static long kib(String statusLine) {
    return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
  }

  static HeapPeaks heapPeaks(Path gcLog) {
    long collections = 0;
    double before = 0;
    double after = 0;
    double committed = 0;
    try {
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = SIZES.matcher(line);
        if (m.find()) {
          collections++;
          before = Math.max(before, mib(m.group(1), m.group(2)));
          after = Math.max(after, mib(m.group(3), m.group(4)));
          committed = Math.max(committed, mib(m.group(5), m.group(6)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + gcLog, e);
    }
    return new HeapPeaks(collections, before, after, committed);
  }

  private static double mib(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit) {
      case "K" -> v / 1024;
      case "G" -> v * 1024;
      default -> v;
    };
  }

  /** The heap's largest classes after a full collection (jcmd's header, the first {@code rows} and its total). */
  static List<String> classHistogram(long pid, int rows) throws InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.class_histogram")
          .redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroy();
        return List.of("(jcmd GC.class_histogram did not answer in 2 minutes)");
      }
      List<String> lines = out.lines().toList();
      List<String> kept = new ArrayList<>();
      for (String line : lines) {
        if (line.startsWith(" num") || line.startsWith("---") || line.startsWith("Total")
            || line.matches("\\s*\\d+:.*") && kept.size() < rows + 2) {
          kept.add(line);
        }
      }
      return kept;
    } catch (IOException e) {
      return List.of("(jcmd failed: " + e.getMessage() + ")");
    }
  }
}
