package dev.koers.domain;

import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.hear;
import static dev.koers.domain.Fixtures.heard;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.revise;
import static dev.koers.domain.Fixtures.revised;
import static dev.koers.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The limits on what a decision's one record keeps")
class LimitSpec {

  @Test
  void the_hearing_after_the_last_allowed_one_is_rejected() {
    List<Fact> history = new ArrayList<>(List.of(opened()));
    for (int i = 1; i < DecisionLimits.MAX_HEARINGS; i++) {
      history.add(heard(Perspective.CUSTOMER, Depth.INFORMED));
    }
    given(history.toArray(Fact[]::new)).when(hear(Perspective.EMPLOYEE, Depth.CONSULTED)).thenAccepted();

    history.add(heard(Perspective.CUSTOMER, Depth.INFORMED));
    given(history.toArray(Fact[]::new))
        .when(hear(Perspective.EMPLOYEE, Depth.CONSULTED))
        .thenRejected(Rule.TOO_MANY_HEARINGS)
        .isEqualTo("decision d-42 has 100 hearings, the most one decision takes");
  }

  @Test
  void the_revision_after_the_last_allowed_one_is_rejected() {
    List<Fact> history = new ArrayList<>(List.of(opened(), decided()));
    for (int i = 0; i < DecisionLimits.MAX_REVISIONS; i++) {
      history.add(revised());
    }
    given(history.toArray(Fact[]::new))
        .when(revise())
        .thenRejected(Rule.TOO_MANY_REVISIONS)
        .contains("has 100 revisions").contains("open a new decision instead");
  }

  @Test
  void the_ledger_state_counts_hearings_and_revisions() {
    DecisionState state = given(opened(), heard(Perspective.CUSTOMER, Depth.DIALOGUE),
        heard(Perspective.EMPLOYEE, Depth.INFORMED), decided(), revised()).when(revise()).thenAccepted();

    assertThat(state.hearings()).isEqualTo(2);
    assertThat(state.revisions()).isEqualTo(2);
  }
}
