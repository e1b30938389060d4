package dev.koers.wire;

/** A Koers topic is missing or set up against what Koers needs: said in one line naming the topic. */
public final class TopicProblem extends RuntimeException {

  public TopicProblem(String message) {
    super(message, null, false, false);
  }
}
