package dev.koers.testkit.history;

/**
 * What the generator knows a submission must meet. {@link #WITHIN_BOUNDS}: every value is within the bounds (at
 * a bound, maybe), so the ledger may accept it or reject it by another rule, never by a bound's. Otherwise the
 * rule code the ledger must name: the submission would pass every rule but the one bound it breaks.
 */
public record Expected(String rule) {

  public static final Expected WITHIN_BOUNDS = new Expected(null);

  public static Expected rejectedBy(String rule) {
    return new Expected(rule);
  }

  public boolean breaksABound() {
    return rule != null;
  }

  /** The rule codes of the bounds (docs/rules.md, "Bounds"). */
  public static final String INSTANT_OUT_OF_RANGE = "INSTANT_OUT_OF_RANGE";
  public static final String CHARACTER_NOT_ALLOWED = "CHARACTER_NOT_ALLOWED";
  public static final String TEXT_TOO_LONG = "TEXT_TOO_LONG";
  public static final String TITLE_LENGTH = "TITLE_LENGTH";
  public static final String DECISION_ID_INVALID = "DECISION_ID_INVALID";
  public static final String RATING_OUT_OF_RANGE = "RATING_OUT_OF_RANGE";
}
