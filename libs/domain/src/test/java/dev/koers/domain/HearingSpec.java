package dev.koers.domain;

import static dev.koers.domain.Fixtures.admin;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.hear;
import static dev.koers.domain.Fixtures.manager;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.stakeholder;
import static dev.koers.domain.Fixtures.withdrawn;
import static dev.koers.domain.Request.request;
import static dev.koers.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.event.PerspectiveHeard;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hearing a perspective")
class HearingSpec {

  @Test
  void a_hearing_on_an_open_decision_becomes_a_PerspectiveHeard() {
    DecisionState state = given(opened())
        .when(hear(Perspective.CUSTOMER, Depth.DIALOGUE))
        .thenEvent(new PerspectiveHeard(Perspective.CUSTOMER, Depth.DIALOGUE, null, "weekly conversation"));

    assertThat(state.status()).isEqualTo(DecisionStatus.OPEN);
    assertThat(state.sequence()).isEqualTo(2);
  }

  @Test
  void a_decision_that_does_not_exist_cannot_be_heard_on() {
    given()
        .when(hear(Perspective.CUSTOMER, Depth.INFORMED))
        .thenRejected(Rule.DECISION_NOT_FOUND)
        .isEqualTo("decision d-42 does not exist; it must be opened before you can hear perspectives on it");
  }

  @Test
  void perspectives_are_heard_only_while_the_decision_is_open() {
    given(opened(), decided())
        .when(hear(Perspective.EMPLOYEE, Depth.CONSULTED))
        .thenRejected(Rule.DECISION_NOT_OPEN)
        .isEqualTo("decision d-42 is DECIDED; perspectives can only be heard while it is OPEN");
  }

  @Test
  void a_withdrawn_decision_hears_no_more_perspectives() {
    given(opened(), withdrawn())
        .when(hear(Perspective.EMPLOYEE, Depth.CONSULTED))
        .thenRejected(Rule.DECISION_NOT_OPEN)
        .contains("is WITHDRAWN");
  }

  @Test
  void perspective_OTHER_needs_a_label() {
    given(opened())
        .when(hear(Perspective.OTHER, Depth.CONSULTED))
        .thenRejected(Rule.LABEL_REQUIRED)
        .contains("perspective OTHER needs a label");
  }

  @Test
  void a_blank_label_is_no_label() {
    given(opened())
        .when(hear(c -> {
          c.setPerspective(Perspective.OTHER);
          c.setLabel("  ");
        }))
        .thenRejected(Rule.LABEL_REQUIRED);
  }

  @Test
  void perspective_OTHER_with_a_label_is_heard() {
    given(opened())
        .when(hear(c -> {
          c.setPerspective(Perspective.OTHER);
          c.setLabel("end users");
        }))
        .thenEvent(new PerspectiveHeard(Perspective.OTHER, Depth.DIALOGUE, "end users", "weekly conversation"));
  }

  @Test
  void a_core_perspective_needs_no_label_but_may_have_one() {
    given(opened()).when(hear(c -> c.setLabel(null))).thenAccepted();
    given(opened()).when(hear(c -> c.setLabel("Acme facility manager"))).thenAccepted();
  }

  @Test
  void the_perspective_and_the_depth_are_required() {
    given(opened()).when(hear(c -> c.setPerspective(null))).thenRejected(Rule.FIELD_REQUIRED).contains("perspective");
    given(opened()).when(hear(c -> c.setDepth(null))).thenRejected(Rule.FIELD_REQUIRED).contains("depth");
  }

  @Test
  void a_summary_longer_than_10000_characters_is_rejected() {
    given(opened()).when(hear(c -> c.setSummary("s".repeat(10_001)))).thenRejected(Rule.TEXT_TOO_LONG)
        .contains("summary");
  }

  @Test
  void a_label_longer_than_200_characters_is_rejected() {
    given(opened()).when(hear(c -> c.setLabel("l".repeat(201)))).thenRejected(Rule.TEXT_TOO_LONG)
        .contains("label");
  }

  @Test
  void only_the_owning_manager_or_an_administrator_hears_perspectives() {
    given(opened()).when(request(hear(Perspective.CUSTOMER, Depth.INFORMED)).by(admin())).thenAccepted();
    given(opened())
        .when(request(hear(Perspective.CUSTOMER, Depth.INFORMED)).by(manager("m-2")))
        .thenRejected(Rule.NOT_OWNING_MANAGER);
    given(opened())
        .when(request(hear(Perspective.CUSTOMER, Depth.INFORMED)).by(stakeholder("r-1")))
        .thenRejected(Rule.ROLE_NOT_ALLOWED);
  }
}
