package dev.koers.domain;

/**
 * How many of the events that every view keeps in a decision's one record a decision takes: its hearings (the
 * decision view lists them, labels and all) and its revisions (the metric facts list when each happened). Every
 * other list grows in entries of its own (docs/architecture.md, "State that does not grow"); these two stay
 * in the record, so they are bounded, and the record stays far below Kafka's 1 MB (DecisionRecordSizeTest).
 */
public final class DecisionLimits {

  /** A hundred conversations, consultations or notes on one decision: more than any decision is heard. */
  public static final int MAX_HEARINGS = 100;
  /** A decision changed a hundred times is a new decision. */
  public static final int MAX_REVISIONS = 100;

  private DecisionLimits() {}
}
