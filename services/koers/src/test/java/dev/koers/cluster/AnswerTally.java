package dev.koers.cluster;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Every attempt a {@link RetryingClient} made, by how it was answered, and the first few that should not be. */
final class AnswerTally {

  /** How one attempt ended. */
  enum Answer {
    /** A 2xx. */
    OK,
    /** A 503 with Retry-After: documented as retryable (docs/api.md). */
    RETRYABLE,
    /** The connection was refused: the request never reached a server, so sending it elsewhere is safe. */
    REFUSED,
    /** The connection broke after the request was sent, with no answer: what a graceful stop must not do. */
    BROKEN,
    /** Any other status (or a 503 without Retry-After): a failed request. */
    FAILED,
    /** Retried until the client's deadline without an answer. */
    GAVE_UP
  }

  private final Map<Answer, AtomicLong> counts = new EnumMap<>(Answer.class);
  private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();

  AnswerTally() {
    for (Answer answer : Answer.values()) {
      counts.put(answer, new AtomicLong());
    }
  }

  void count(Answer answer, String what) {
    counts.get(answer).incrementAndGet();
    if ((answer == Answer.BROKEN || answer == Answer.FAILED || answer == Answer.GAVE_UP) && examples.size() < 10) {
      examples.add(answer + " " + what);
    }
  }

  long count(Answer answer) {
    return counts.get(answer).get();
  }

  /** The failures worth a look: at most ten, each with the request and its answer. */
  String examples() {
    return String.join("\n", examples);
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
