package dev.koers.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Recovery times per kind of fault and per measure, over the rounds: each round's figures, p50 and max. */
final class RecoveryTimes {

  /** The measures taken after one kill of instance {@code victim} of a {@code kind}, in seconds. */
  record Round(String kind, int victim, int round, double commands, double queries, double back) {

    String line() {
      return String.format(Locale.ROOT, "%-9s round %d  commands %6.1f s  queries %6.1f s  back %6.1f s",
          kind + "-" + victim, round, commands, queries, back);
    }
  }

  private final List<Round> rounds = new ArrayList<>();

  void add(Round round) {
    rounds.add(round);
  }

  /** Per kind: p50 (nearest rank, the lower middle of an even count) and max of each measure. */
  List<String> summary() {
    Map<String, List<Round>> byKind = new LinkedHashMap<>();
    rounds.forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
    List<String> lines = new ArrayList<>();
    byKind.forEach((kind, of) -> lines.add(String.format(Locale.ROOT,
        "%-7s n=%d  commands p50 %5.1f s max %5.1f s | queries p50 %5.1f s max %5.1f s | back p50 %5.1f s max %5.1f s",
        kind, of.size(), p50(of, Round::commands), max(of, Round::commands), p50(of, Round::queries),
        max(of, Round::queries), p50(of, Round::back), max(of, Round::back))));
    return lines;
  }

  void write(Path file, List<String> header) {
    List<String> lines = new ArrayList<>(header);
    rounds.forEach(r -> lines.add(r.line()));
    lines.addAll(summary());
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Measure {
    double of(Round round);
  }

  private static double p50(List<Round> of, Measure measure) {
    double[] sorted = of.stream().mapToDouble(measure::of).sorted().toArray();
    return sorted[(sorted.length - 1) / 2];
  }

  private static double max(List<Round> of, Measure measure) {
    return of.stream().mapToDouble(measure::of).max().orElse(0);
  }
}
