package dev.koers.domain;

import static dev.koers.domain.Fixtures.DECIDED_AT;
import static dev.koers.domain.Fixtures.OPENED_AT;
import static dev.koers.domain.Fixtures.admin;
import static dev.koers.domain.Fixtures.decide;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.manager;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.withdrawn;
import static dev.koers.domain.Request.request;
import static dev.koers.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.event.DecisionMade;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Making a decision")
class DecidingSpec {

  @Test
  void a_decision_becomes_a_DecisionMade_and_the_decision_is_DECIDED_when_it_occurred() {
    DecisionState state = given(opened())
        .when(request(decide()).at(DECIDED_AT))
        .thenEvent(new DecisionMade("Night shift starts at 22:00", "Fewer complaints, same cost", true));

    assertThat(state.status()).isEqualTo(DecisionStatus.DECIDED);
    assertThat(state.decidedAt()).isEqualTo(DECIDED_AT);
    assertThat(state.openedAt()).isEqualTo(OPENED_AT);
  }

  @Test
  void the_outcome_is_required() {
    given(opened()).when(decide(c -> c.setOutcome(""))).thenRejected(Rule.FIELD_REQUIRED)
        .isEqualTo("outcome is required and must not be blank");
  }

  @Test
  void the_rationale_is_optional() {
    given(opened()).when(decide(c -> c.setRationale(null))).thenAccepted();
  }

  @Test
  void a_made_decision_is_not_made_again_but_revised() {
    given(opened(), decided())
        .when(decide())
        .thenRejected(Rule.DECISION_NOT_OPEN)
        .isEqualTo("decision d-42 is DECIDED; it can only be decided while it is OPEN"
            + " (a made decision changes by a revision)");
  }

  @Test
  void a_withdrawn_decision_cannot_be_made() {
    given(opened(), withdrawn()).when(decide()).thenRejected(Rule.DECISION_NOT_OPEN).contains("WITHDRAWN");
  }

  @Test
  void the_manager_of_another_decision_cannot_decide_it() {
    given(opened())
        .when(request(decide()).by(manager("m-2")))
        .thenRejected(Rule.NOT_OWNING_MANAGER)
        .isEqualTo("only the owning manager (m-1) or an ADMIN may decide decision d-42; you are manager m-2");
  }

  @Test
  void an_administrator_may_decide() {
    given(opened()).when(request(decide()).by(admin())).thenAccepted();
  }

  @Test
  void a_decision_cannot_be_made_before_it_was_opened() {
    given(opened())
        .when(request(decide()).at(OPENED_AT.minusSeconds(1)))
        .thenRejected(Rule.OCCURS_BEFORE_OPENING);
  }
}
