package dev.koers.domain.view;

import java.time.Instant;

/** What became of a decision after opening: made, communicated, revised or withdrawn. */
public record Course(Instant decidedAt, String outcome, String rationale, boolean usesPower,
                     Instant firstCommunicatedAt, int revisions, Instant withdrawnAt) {

  public static final Course NONE = new Course(null, null, null, false, null, 0, null);

  /** The first decision fixes decidedAt; a revision changes the outcome, never the lead time. */
  public Course made(Instant at, String newOutcome, String newRationale, boolean power) {
    return new Course(decidedAt == null ? at : decidedAt, newOutcome, newRationale, power, firstCommunicatedAt,
        revisions, withdrawnAt);
  }

  /** The earliest communication by occurredAt counts, even when a back-dated one arrives later. */
  public Course communicated(Instant at) {
    Instant first = firstCommunicatedAt == null || at.isBefore(firstCommunicatedAt) ? at : firstCommunicatedAt;
    return new Course(decidedAt, outcome, rationale, usesPower, first, revisions, withdrawnAt);
  }

  public Course revised(String newOutcome) {
    return new Course(decidedAt, newOutcome, rationale, usesPower, firstCommunicatedAt, revisions + 1,
        withdrawnAt);
  }

  public Course withdrawn(Instant at) {
    return new Course(decidedAt, outcome, rationale, usesPower, firstCommunicatedAt, revisions, at);
  }
}
