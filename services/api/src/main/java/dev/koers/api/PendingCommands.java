package dev.koers.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many commands may wait for the ledger's answer at once on one instance; one more is refused at once with
 * 503 and Retry-After. Each waiting command holds its request, its connection and the client's pending entry for
 * up to the outcome timeout, so without a bound a flood far beyond what the ledger decides (the load harness at
 * 1,000 commands/s on two cores) ran the API out of heap, and every other caller lost it too.
 */
final class PendingCommands {

  /** Some ten times what a healthy instance holds at 1,000 commands/s with answers in 100 ms or so. */
  static final int DEFAULT_MAX = 1_000;

  private final int max;
  private final Semaphore slots;

  PendingCommands(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one command must be allowed to wait, not " + max);
    }
    this.max = max;
    this.slots = new Semaphore(max);
  }

  /** Starts the command if a slot is free, and frees it when the answer (or its failure) comes. */
  <T> CompletableFuture<T> admit(Supplier<CompletableFuture<T>> command) {
    if (!slots.tryAcquire()) {
      throw new ProblemException(Problem.unavailable("too many commands are waiting for the ledger's answer on "
          + "this instance right now (" + max + "); send it again with the same Idempotency-Key"), 1);
    }
    CompletableFuture<T> answer;
    try {
      answer = command.get();
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
    return answer.whenComplete((outcome, error) -> slots.release());
  }

  int pending() {
    return max - slots.availablePermits();
  }
}
