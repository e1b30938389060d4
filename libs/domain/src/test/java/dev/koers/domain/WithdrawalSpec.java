package dev.koers.domain;

import static dev.koers.domain.Fixtures.admin;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.manager;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.stakeholder;
import static dev.koers.domain.Fixtures.withdraw;
import static dev.koers.domain.Fixtures.withdrawn;
import static dev.koers.domain.Request.request;
import static dev.koers.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.event.DecisionWithdrawn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Withdrawing a decision")
class WithdrawalSpec {

  @Test
  void an_open_decision_is_withdrawn() {
    DecisionState state = given(opened())
        .when(withdraw())
        .thenEvent(new DecisionWithdrawn("The contract ends"));

    assertThat(state.status()).isEqualTo(DecisionStatus.WITHDRAWN);
    assertThat(state.decidedAt()).isNull();
  }

  @Test
  void a_made_decision_cannot_be_withdrawn() {
    given(opened(), decided())
        .when(withdraw())
        .thenRejected(Rule.DECISION_NOT_OPEN)
        .isEqualTo("decision d-42 is DECIDED; it can only be withdrawn while it is OPEN");
  }

  @Test
  void a_withdrawn_decision_cannot_be_withdrawn_again() {
    given(opened(), withdrawn()).when(withdraw()).thenRejected(Rule.DECISION_NOT_OPEN);
  }

  @Test
  void the_reason_is_required() {
    given(opened()).when(withdraw(c -> c.setReason("\t"))).thenRejected(Rule.FIELD_REQUIRED).contains("reason");
  }

  @Test
  void only_the_owning_manager_or_an_administrator_withdraws() {
    given(opened()).when(request(withdraw()).by(admin())).thenAccepted();
    given(opened()).when(request(withdraw()).by(manager("m-2"))).thenRejected(Rule.NOT_OWNING_MANAGER);
    given(opened()).when(request(withdraw()).by(stakeholder("r-1"))).thenRejected(Rule.ROLE_NOT_ALLOWED);
  }
}
