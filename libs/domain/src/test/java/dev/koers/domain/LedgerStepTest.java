package dev.koers.domain;

import static dev.koers.domain.Fixtures.NOW;
import static dev.koers.domain.Fixtures.OPENED_AT;
import static dev.koers.domain.Fixtures.SKEW;
import static dev.koers.domain.Fixtures.decide;
import static dev.koers.domain.Fixtures.open;
import static dev.koers.domain.Fixtures.owner;
import static dev.koers.domain.Fixtures.withdraw;
import static dev.koers.domain.Request.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.Accepted;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Rejected;
import dev.koers.schema.Submission;
import dev.koers.schema.event.DecisionMade;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The ledger's step: decide, chain, seal, evolve")
class LedgerStepTest {

  private final LedgerStep step = new LedgerStep(new Decider(SKEW));
  private final HashChain hashChain = new HashChain();

  @Test
  void an_accepted_opening_is_event_1_linked_to_genesis() {
    Submission submission = request(open()).at(OPENED_AT).toSubmission();

    LedgerStep.Result result = step.handle(null, submission, NOW, "e-1");

    assertThat(result.accepted()).isTrue();
    DecisionEvent event = result.event().orElseThrow();
    assertThat(event.getEventId()).isEqualTo("e-1");
    assertThat(event.getDecisionId()).isEqualTo("d-42");
    assertThat(event.getSequence()).isEqualTo(1);
    assertThat(event.getOccurredAt()).isEqualTo(OPENED_AT);
    assertThat(event.getRecordedAt()).isEqualTo(NOW);
    assertThat(event.getActor()).isEqualTo(owner());
    assertThat(event.getSubmissionId()).isEqualTo(submission.getSubmissionId());
    assertThat(event.getPreviousHash()).isEqualTo(HashChain.GENESIS);
    assertThat(hashChain.verifies(event)).isTrue();
    assertThat(result.newState().sequence()).isEqualTo(1);
    assertThat(result.newState().lastHash()).isEqualTo(HashChain.hex(event.getHash()));
  }

  @Test
  void an_accepted_outcome_names_the_events_sequence_id_and_hash() {
    Submission submission = request(open()).toSubmission();

    LedgerStep.Result result = step.handle(null, submission, NOW, "e-1");

    assertThat(result.outcome().getSubmissionId()).isEqualTo(submission.getSubmissionId());
    assertThat(result.outcome().getDecisionId()).isEqualTo("d-42");
    assertThat(result.outcome().getRecordedAt()).isEqualTo(NOW);
    assertThat(result.outcome().getResult()).isEqualTo(
        new Accepted(1L, "e-1", result.event().orElseThrow().getHash()));
  }

  @Test
  void the_next_event_links_to_the_last_hash() {
    LedgerStep.Result opening = step.handle(null, request(open()).at(OPENED_AT).toSubmission(), NOW, "e-1");

    LedgerStep.Result decision = step.handle(opening.newState(), request(decide()).toSubmission(), NOW, "e-2");

    DecisionEvent event = decision.event().orElseThrow();
    assertThat(event.getSequence()).isEqualTo(2);
    assertThat(event.getPreviousHash()).isEqualTo(opening.event().orElseThrow().getHash());
    assertThat(event.getPayload()).isInstanceOf(DecisionMade.class);
    assertThat(decision.newState().status()).isEqualTo(DecisionStatus.DECIDED);
  }

  @Test
  void a_rejection_appends_nothing_and_leaves_the_state_as_it_was() {
    DecisionState open = step.handle(null, request(open()).at(OPENED_AT).toSubmission(), NOW, "e-1").newState();
    DecisionState withdrawn = step.handle(open, request(withdraw()).toSubmission(), NOW, "e-2").newState();

    LedgerStep.Result result = step.handle(withdrawn, request(decide()).toSubmission(), NOW, "e-3");

    assertThat(result.accepted()).isFalse();
    assertThat(result.event()).isEmpty();
    assertThat(result.newState()).isSameAs(withdrawn);
    assertThat(result.outcome().getResult()).isEqualTo(new Rejected("DECISION_NOT_OPEN",
        "decision d-42 is WITHDRAWN; it can only be decided while it is OPEN (a made decision changes by a"
            + " revision)", 2L));
  }

  @Test
  void a_rejection_of_a_missing_decision_has_no_current_sequence() {
    LedgerStep.Result result = step.handle(null, request(decide()).toSubmission(), NOW, "e-1");

    assertThat(result.newState()).isNull();
    Rejected rejected = (Rejected) result.outcome().getResult();
    assertThat(rejected.getRule()).isEqualTo(Rule.DECISION_NOT_FOUND.name());
    assertThat(rejected.getCurrentSequence()).isNull();
  }

  @Test
  void times_are_kept_at_the_logs_millisecond_precision_so_a_replay_gives_the_same_state() throws Exception {
    Instant preciseNow = NOW.plusNanos(987_654);
    Submission submission = request(open()).at(OPENED_AT.plusNanos(123_456)).toSubmission();

    LedgerStep.Result result = step.handle(null, submission, preciseNow, "e-1");
    DecisionEvent event = result.event().orElseThrow();
    DecisionEvent decoded = roundTrip(event);

    assertThat(event.getRecordedAt()).isEqualTo(NOW);
    assertThat(event.getOccurredAt()).isEqualTo(OPENED_AT);
    assertThat(decoded).isEqualTo(event);
    assertThat(new Evolver().evolve(null, decoded)).isEqualTo(result.newState());
  }

  @Test
  void the_outcome_carries_its_own_copy_of_the_hash() {
    LedgerStep.Result result = step.handle(null, request(open()).toSubmission(), NOW, "e-1");

    ((Accepted) result.outcome().getResult()).getHash().bytes()[0] ^= 1;

    assertThat(hashChain.verifies(result.event().orElseThrow())).isTrue();
  }

  private static DecisionEvent roundTrip(DecisionEvent event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(DecisionEvent.class).write(event, encoder);
    encoder.flush();
    return new SpecificDatumReader<>(DecisionEvent.class)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }
}
