package dev.koers.domain;

import static dev.koers.domain.Fixtures.DECIDED_AT;
import static dev.koers.domain.Fixtures.admin;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.manager;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.revise;
import static dev.koers.domain.Fixtures.revised;
import static dev.koers.domain.Fixtures.withdrawn;
import static dev.koers.domain.Request.request;
import static dev.koers.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.event.DecisionRevised;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Revising a decision")
class RevisionSpec {

  @Test
  void a_revision_becomes_a_DecisionRevised_and_keeps_the_moment_of_the_decision() {
    DecisionState state = given(opened(), decided())
        .when(revise())
        .thenEvent(new DecisionRevised("The customer moved its opening hours", "Night shift starts at 21:00"));

    assertThat(state.status()).isEqualTo(DecisionStatus.DECIDED);
    assertThat(state.decidedAt()).isEqualTo(DECIDED_AT);
  }

  @Test
  void a_revised_decision_can_be_revised_again() {
    given(opened(), decided(), revised()).when(revise()).thenAccepted();
  }

  @Test
  void an_open_decision_cannot_be_revised() {
    given(opened()).when(revise()).thenRejected(Rule.DECISION_NOT_DECIDED)
        .isEqualTo("decision d-42 is OPEN; it can only be revised once it is DECIDED");
  }

  @Test
  void a_withdrawn_decision_cannot_be_revised() {
    given(opened(), withdrawn()).when(revise()).thenRejected(Rule.DECISION_NOT_DECIDED).contains("WITHDRAWN");
  }

  @Test
  void a_revision_cannot_predate_the_decision() {
    given(opened(), decided())
        .when(request(revise()).at(DECIDED_AT.minusSeconds(60)))
        .thenRejected(Rule.OCCURS_BEFORE_DECISION);
  }

  @Test
  void a_reason_and_a_new_outcome_are_required() {
    given(opened(), decided()).when(revise(c -> c.setReason(""))).thenRejected(Rule.FIELD_REQUIRED)
        .contains("reason");
    given(opened(), decided()).when(revise(c -> c.setOutcome(null))).thenRejected(Rule.FIELD_REQUIRED)
        .contains("outcome");
  }

  @Test
  void only_the_owning_manager_or_an_administrator_revises() {
    given(opened(), decided()).when(request(revise()).by(admin())).thenAccepted();
    given(opened(), decided()).when(request(revise()).by(manager("m-2"))).thenRejected(Rule.NOT_OWNING_MANAGER);
  }
}
