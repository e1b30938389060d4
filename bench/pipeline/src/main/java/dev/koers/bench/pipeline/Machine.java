package dev.koers.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the report says of the machine: its load ({@code uptime}), cores and Java. */
final class Machine {

  private Machine() {}

  /** The output of {@code uptime}, or the load averages from /proc when there is no such command. */
  static String uptime() {
    try {
      Process process = new ProcessBuilder("uptime").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      process.waitFor();
      return out;
    } catch (IOException e) {
      return loadAverages();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return loadAverages();
    }
  }

  static String describe() {
    return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
  }

  private static String loadAverages() {
    try {
      return "load average " + Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "load unknown";
    }
  }
}
