package dev.koers.client;

import dev.koers.schema.Actor;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds submissions for tools: who acts, on which decision, when it happened. A fresh submission id each
 * time unless the tool gives its own (then a resend is recognised by the ledger and answered, not repeated).
 */
public final class Submissions {

  private final Actor actor;
  private final Clock clock;

  private Submissions(Actor actor, Clock clock) {
    this.actor = actor;
    this.clock = clock;
  }

  public static Submissions by(String actorId, Role role) {
    return new Submissions(new Actor(actorId, role), Clock.systemUTC());
  }

  public Submissions withClock(Clock other) {
    return new Submissions(actor, other);
  }

  /** A command that happened now. */
  public Submission of(String decisionId, SpecificRecord command) {
    Instant now = clock.instant();
    return of(UUID.randomUUID().toString(), decisionId, now, command);
  }

  /** A command with the tool's own submission id and the moment it happened (may be back-dated). */
  public Submission of(String submissionId, String decisionId, Instant occurredAt, SpecificRecord command) {
    return Submission.newBuilder()
        .setSubmissionId(submissionId)
        .setDecisionId(decisionId)
        .setSubmittedAt(clock.instant())
        .setOccurredAt(occurredAt)
        .setActor(actor)
        .setExpectedSequence(null)
        .setCommand(command)
        .build();
  }
}
