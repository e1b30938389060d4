package dev.koers.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Sends acknowledged submissions again, a batch at a time so a client is never flooded, and compares answers. */
final class Repeats {

  private static final int BATCH = 32;

  private Repeats() {}

  /** Each acknowledgement whose answer sent again is not its first answer, described in one line. */
  static List<String> different(List<Acknowledgement> acknowledgements,
      Function<Acknowledgement, CompletableFuture<String>> again) {
    List<String> different = new ArrayList<>();
    for (int from = 0; from < acknowledgements.size(); from += BATCH) {
      List<Acknowledgement> batch = acknowledgements.subList(from, Math.min(from + BATCH, acknowledgements.size()));
      List<CompletableFuture<String>> answers = batch.stream().map(again).toList();
      for (int i = 0; i < batch.size(); i++) {
        String answer = answers.get(i).join();
        if (!answer.equals(batch.get(i).answer())) {
          different.add(batch.get(i).key() + ": first " + batch.get(i).answer() + ", again " + answer);
        }
      }
    }
    return different;
  }
}
