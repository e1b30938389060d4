package dev.koers.cli;

import java.util.Arrays;

/** Reads one sample out of the Prometheus text that GET /metrics answers. */
final class MetricsText {

  private MetricsText() {}

  /** The sample's value, or 0 when it is not there yet; tags as name, value pairs, matched in any order. */
  static double value(String scrape, String name, String... tags) {
    return Arrays.stream(scrape.split("\n"))
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> hasTags(line, tags))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst().orElse(0);
  }

  private static boolean hasTags(String line, String... tags) {
    for (int i = 0; i < tags.length; i += 2) {
      if (!line.contains(tags[i] + "=\"" + tags[i + 1] + "\"")) {
        return false;
      }
    }
    return true;
  }
}
