package dev.koers.domain.metrics;

/**
 * How many distinct respondents a score group needs before its means are shown, so that no single
 * respondent can be singled out (the practice of employee-voice tools).
 *
 * @param minRespondents K: a group of 1..K-1 distinct respondents is withheld
 */
public record Anonymity(int minRespondents) {

  public static final int DEFAULT_MIN_RESPONDENTS = 3;
  public static final Anonymity DEFAULT = new Anonymity(DEFAULT_MIN_RESPONDENTS);

  public Anonymity {
    if (minRespondents < 1) {
      throw new IllegalArgumentException("minRespondents must be 1 or more, was " + minRespondents);
    }
  }

  /** A group with no respondent has nothing to hide: its means are null because there are none. */
  public boolean withholds(long respondents) {
    return respondents > 0 && respondents < minRespondents;
  }
}
