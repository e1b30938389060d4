package dev.koers.domain.metrics;

/**
 * The counts of a window, each in the week of the event that makes it: decisions opened, decided, withdrawn
 * and first communicated, and revisions made (a decision revised twice in a window counts twice). The same
 * record is the metrics document's {@code counts}.
 */
public record Counts(long opened, long decided, long withdrawn, long revised, long communicated) {

  public static final Counts ZERO = new Counts(0, 0, 0, 0, 0);
  static final Counts OPENED = new Counts(1, 0, 0, 0, 0);
  static final Counts DECIDED = new Counts(0, 1, 0, 0, 0);
  static final Counts WITHDRAWN = new Counts(0, 0, 1, 0, 0);
  static final Counts REVISED = new Counts(0, 0, 0, 1, 0);
  static final Counts COMMUNICATED = new Counts(0, 0, 0, 0, 1);

  public Counts plus(Counts other) {
    return combine(other, 1);
  }

  public Counts minus(Counts other) {
    return combine(other, -1);
  }

  Counts combine(Counts o, int sign) {
    return new Counts(opened + sign * o.opened, decided + sign * o.decided, withdrawn + sign * o.withdrawn,
        revised + sign * o.revised, communicated + sign * o.communicated);
  }
}
