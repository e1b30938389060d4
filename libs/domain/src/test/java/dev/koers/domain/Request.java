package dev.koers.domain;

import dev.koers.schema.Actor;
import dev.koers.schema.Submission;
import dev.koers.schema.command.GiveFeedback;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * A submission as a specification states it: the command, and only what differs from the defaults (the
 * owning manager submits, or respondent r-7 for feedback; it happened {@link Fixtures#RECENTLY}).
 */
final class Request {

  private final SpecificRecord command;
  private Actor actor;
  private Instant occurredAt = Fixtures.RECENTLY;
  private Long expectedSequence;
  private String decisionId = Fixtures.DECISION;
  private String submissionId = UUID.randomUUID().toString();

  private Request(SpecificRecord command) {
    this.command = command;
    this.actor = command instanceof GiveFeedback ? Fixtures.stakeholder(Fixtures.RESPONDENT) : Fixtures.owner();
  }

  static Request request(SpecificRecord command) {
    return new Request(command);
  }

  Request by(Actor who) {
    this.actor = who;
    return this;
  }

  Request at(Instant when) {
    this.occurredAt = when;
    return this;
  }

  Request expecting(long sequence) {
    this.expectedSequence = sequence;
    return this;
  }

  Request on(String decision) {
    this.decisionId = decision;
    return this;
  }

  Request withSubmissionId(String id) {
    this.submissionId = id;
    return this;
  }

  Submission toSubmission() {
    return new Submission(submissionId, decisionId, Fixtures.NOW, occurredAt, actor,
        expectedSequence, command);
  }
}
