package dev.koers.views;

/** The decision asked for is set aside: its log holds an event these views cannot fold (docs/operations.md). */
public final class DecisionQuarantined extends RuntimeException {

  private final transient QuarantineEntry entry;

  public DecisionQuarantined(QuarantineEntry entry) {
    super("decision '" + entry.decisionId() + "' is quarantined: its event at " + entry.position()
        + " cannot be folded (" + entry.code() + ": " + entry.error() + ")", null, false, false);
    this.entry = entry;
  }

  public QuarantineEntry entry() {
    return entry;
  }
}
