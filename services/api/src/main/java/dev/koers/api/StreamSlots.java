package dev.koers.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Counts the open streams, in all and per token subject, against {@link StreamLimits}. */
final class StreamSlots {

  /** Which limit refused a stream. */
  enum Refusal { INSTANCE, SUBJECT }

  private final StreamLimits limits;
  private final Map<String, Integer> bySubject = new HashMap<>();
  private int open;

  StreamSlots(StreamLimits limits) {
    this.limits = limits;
  }

  /** Why a new stream of this subject would be refused now, if it would. */
  synchronized Optional<Refusal> refusal(String subject) {
    if (open >= limits.maxStreams()) {
      return Optional.of(Refusal.INSTANCE);
    }
    if (bySubject.getOrDefault(subject, 0) >= limits.maxStreamsPerSubject()) {
      return Optional.of(Refusal.SUBJECT);
    }
    return Optional.empty();
  }

  /** Takes a slot unless a limit refuses it. */
  synchronized Optional<Refusal> take(String subject) {
    Optional<Refusal> refusal = refusal(subject);
    if (refusal.isEmpty()) {
      open++;
      bySubject.merge(subject, 1, Integer::sum);
    }
    return refusal;
  }

  synchronized void release(String subject) {
    open--;
    bySubject.computeIfPresent(subject, (s, n) -> n == 1 ? null : n - 1);
  }

  synchronized int open() {
    return open;
  }

  StreamLimits limits() {
    return limits;
  }
}
