package dev.koers.audit.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Every part's result, rebuilt at the same time: the parts share nothing, and each only reads
 * its own state, so the slower part (the metrics' aggregation) need not wait for the other.
 *
 * @param byPart each part's result, by part name, in the parts' order
 * @param timings each part's name and the seconds its result took, for {@code --stats}
 */
public record PartResults(Map<String, Object> byPart, String timings) {

  public static PartResults of(List<ReplayPart> parts) {
    List<CompletableFuture<Timed>> pending = new ArrayList<>();
    for (ReplayPart part : parts) {
      pending.add(CompletableFuture.supplyAsync(() -> Timed.result(part)));
    }
    Map<String, Object> byPart = new LinkedHashMap<>();
    List<String> timings = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Timed timed = join(pending.get(i));
      byPart.put(parts.get(i).name(), timed.result());
      timings.add(String.format(Locale.ROOT, "%s in %.3f s", parts.get(i).name(), timed.nanos() / 1e9));
    }
    return new PartResults(byPart, String.join(", ", timings));
  }

  private static Timed join(CompletableFuture<Timed> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      // A part's own failure, as if it had run on this thread.
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private record Timed(Object result, long nanos) {
    static Timed result(ReplayPart part) {
      long start = System.nanoTime();
      Object result = part.result();
      return new Timed(result, System.nanoTime() - start);
    }
  }
}
