package dev.koers.domain;

import static dev.koers.domain.Fixtures.DECIDED_AT;
import static dev.koers.domain.Fixtures.admin;
import static dev.koers.domain.Fixtures.communicate;
import static dev.koers.domain.Fixtures.communicated;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.manager;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.stakeholder;
import static dev.koers.domain.Fixtures.withdrawn;
import static dev.koers.domain.Request.request;
import static dev.koers.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.Perspective;
import dev.koers.schema.event.DecisionCommunicated;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Communicating a decision")
class CommunicationSpec {

  @Test
  void a_communication_of_a_made_decision_becomes_a_DecisionCommunicated() {
    DecisionState state = given(opened(), decided())
        .when(communicate(Perspective.CUSTOMER, Perspective.EMPLOYEE))
        .thenEvent(new DecisionCommunicated(List.of(Perspective.CUSTOMER, Perspective.EMPLOYEE), "team meeting"));

    assertThat(state.status()).isEqualTo(DecisionStatus.DECIDED);
  }

  @Test
  void a_decision_is_communicated_again_as_often_as_needed() {
    given(opened(), decided(), communicated()).when(communicate(Perspective.ORGANIZATION)).thenAccepted();
  }

  @Test
  void an_open_decision_cannot_be_communicated() {
    given(opened())
        .when(communicate(Perspective.CUSTOMER))
        .thenRejected(Rule.DECISION_NOT_DECIDED)
        .isEqualTo("decision d-42 is OPEN; it can only be communicated once it is DECIDED");
  }

  @Test
  void a_withdrawn_decision_cannot_be_communicated() {
    given(opened(), withdrawn()).when(communicate(Perspective.CUSTOMER)).thenRejected(Rule.DECISION_NOT_DECIDED);
  }

  @Test
  void nothing_is_communicated_before_it_was_decided() {
    given(opened(), decided())
        .when(request(communicate(Perspective.CUSTOMER)).at(DECIDED_AT.minusMillis(1)))
        .thenRejected(Rule.OCCURS_BEFORE_DECISION)
        .contains("before decision d-42 was decided (" + DECIDED_AT + ")");
  }

  @Test
  void a_communication_at_the_moment_of_the_decision_is_accepted() {
    given(opened(), decided()).when(request(communicate(Perspective.CUSTOMER)).at(DECIDED_AT)).thenAccepted();
  }

  @Test
  void the_audience_names_at_least_one_perspective() {
    given(opened(), decided())
        .when(communicate())
        .thenRejected(Rule.FIELD_REQUIRED)
        .isEqualTo("audience must name at least one perspective");
    given(opened(), decided())
        .when(communicate(c -> c.setAudience(Arrays.asList(Perspective.CUSTOMER, null))))
        .thenRejected(Rule.FIELD_REQUIRED)
        .contains("audience");
  }

  @Test
  void the_channel_is_required() {
    given(opened(), decided()).when(communicate(c -> c.setChannel(" "))).thenRejected(Rule.FIELD_REQUIRED)
        .contains("channel");
  }

  @Test
  void only_the_owning_manager_or_an_administrator_communicates() {
    given(opened(), decided()).when(request(communicate(Perspective.CUSTOMER)).by(admin())).thenAccepted();
    given(opened(), decided())
        .when(request(communicate(Perspective.CUSTOMER)).by(manager("m-2")))
        .thenRejected(Rule.NOT_OWNING_MANAGER);
    given(opened(), decided())
        .when(request(communicate(Perspective.CUSTOMER)).by(stakeholder("r-1")))
        .thenRejected(Rule.ROLE_NOT_ALLOWED);
  }
}
