package dev.koers.api;

import dev.koers.client.Submitter;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.wire.proof.Origin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** The ledger's real core, whose outcomes are held back until the test releases them. */
final class HeldLedger implements Submitter {
  private final InMemoryLedger ledger = new InMemoryLedger();
  final List<Runnable> held = new CopyOnWriteArrayList<>();

  @Override
  public CompletableFuture<Outcome> submit(Submission submission, Origin origin) {
    CompletableFuture<Outcome> answer = new CompletableFuture<>();
    Outcome outcome = ledger.submit(submission, origin).join();
    held.add(() -> answer.complete(outcome));
    return answer;
  }

  @Override
  public Duration outcomeTimeout() {
    return Duration.ofSeconds(30);
  }

  void release() {
    held.forEach(Runnable::run);
    held.clear();
  }
}
