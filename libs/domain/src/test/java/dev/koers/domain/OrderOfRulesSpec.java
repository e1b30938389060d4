package dev.koers.domain;

import static dev.koers.domain.Fixtures.DECISION;
import static dev.koers.domain.Fixtures.NOW;
import static dev.koers.domain.Fixtures.SKEW;
import static dev.koers.domain.Fixtures.communicate;
import static dev.koers.domain.Fixtures.decide;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.giveFeedback;
import static dev.koers.domain.Fixtures.hear;
import static dev.koers.domain.Fixtures.manager;
import static dev.koers.domain.Fixtures.open;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.revise;
import static dev.koers.domain.Fixtures.stakeholder;
import static dev.koers.domain.Fixtures.withdraw;
import static dev.koers.domain.Request.request;
import static dev.koers.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Existence, concurrency and the order in which rules are checked")
class OrderOfRulesSpec {

  static Stream<SpecificRecord> everyCommandButTheOpening() {
    return Stream.of(hear(Perspective.CUSTOMER, Depth.INFORMED), decide(), communicate(Perspective.CUSTOMER),
        revise(), withdraw(), giveFeedback());
  }

  @ParameterizedTest
  @MethodSource("everyCommandButTheOpening")
  void every_command_but_the_opening_needs_an_existing_decision(SpecificRecord command) {
    given().when(command).thenRejected(Rule.DECISION_NOT_FOUND).startsWith("decision d-42 does not exist");
  }

  @Test
  void a_stale_expected_sequence_is_rejected() {
    given(opened(), decided())
        .when(request(revise()).expecting(1))
        .thenRejected(Rule.STALE_SEQUENCE)
        .isEqualTo("decision d-42 is at sequence 2, not at sequence 1 as expected; reload it and try again");
  }

  @Test
  void the_current_expected_sequence_is_accepted() {
    given(opened(), decided()).when(request(revise()).expecting(2)).thenAccepted();
  }

  @Test
  void existence_comes_before_the_expected_sequence() {
    given(opened()).when(request(open()).expecting(7)).thenRejected(Rule.DECISION_ALREADY_EXISTS);
    given().when(request(decide()).expecting(7)).thenRejected(Rule.DECISION_NOT_FOUND);
  }

  @Test
  void the_expected_sequence_comes_before_authorization() {
    given(opened()).when(request(decide()).by(manager("m-2")).expecting(7)).thenRejected(Rule.STALE_SEQUENCE);
  }

  @Test
  void authorization_comes_before_the_status() {
    given(opened(), decided())
        .when(request(hear(Perspective.CUSTOMER, Depth.INFORMED)).by(stakeholder("r-1")))
        .thenRejected(Rule.ROLE_NOT_ALLOWED);
  }

  @Test
  void the_status_comes_before_the_fields() {
    given(opened(), decided()).when(decide(c -> c.setOutcome(""))).thenRejected(Rule.DECISION_NOT_OPEN);
  }

  @Test
  void the_fields_come_before_the_time_rules() {
    given(opened())
        .when(request(decide(c -> c.setOutcome(""))).at(NOW.plus(SKEW).plusSeconds(1)))
        .thenRejected(Rule.FIELD_REQUIRED);
  }

  @Test
  void the_decider_gives_the_same_verdict_for_the_same_input() {
    Decider decider = new Decider(SKEW);
    var submission = request(open(c -> c.setTitle(""))).toSubmission();

    assertThat(decider.decide(null, submission, NOW)).isEqualTo(decider.decide(null, submission, NOW));
  }

  @Test
  void a_state_of_another_decision_is_a_callers_bug() {
    DecisionState state = given(opened()).state();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Decider(SKEW).decide(state, request(decide()).on("d-43").toSubmission(), NOW))
        .withMessageContaining(DECISION);
  }

  @Test
  void a_negative_clock_skew_is_refused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Decider(SKEW.negated()));
  }
}
