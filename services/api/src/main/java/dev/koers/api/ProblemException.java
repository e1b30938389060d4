package dev.koers.api;

/** Thrown by handlers to answer with a problem document; the server renders it as application/problem+json. */
public final class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final int retryAfterSeconds;

  public ProblemException(Problem problem) {
    this(problem, 0);
  }

  public ProblemException(Problem problem, int retryAfterSeconds) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Problem problem() {
    return problem;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
