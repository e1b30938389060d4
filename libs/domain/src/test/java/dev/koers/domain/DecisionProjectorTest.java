package dev.koers.domain;

import static dev.koers.domain.Fixtures.communicated;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The views' projector takes each status from the domain core's transition table, as the ledger does: what the
 * table refuses is refused, not folded into a view the ledger would never have.
 */
class DecisionProjectorTest {

  private final DecisionProjector projector = new DecisionProjector();

  @Test
  void the_status_follows_the_transition_table() {
    List<DecisionEvent> events = Scenario.given(opened(), decided(), communicated()).events();
    DecisionStatus status = null;
    DecisionView view = null;
    for (DecisionEvent event : events) {
      status = Evolver.statusAfter(status, event);
      view = projector.apply(view, event);

      assertThat(view.head().status()).isEqualTo(status);
    }
  }

  @Test
  void an_event_the_table_refuses_is_refused_with_its_reason() {
    List<DecisionEvent> withdrawnThenDecided = Scenario.given(opened(), withdrawn()).events();
    DecisionEvent decision = Scenario.given(opened(), decided()).events().get(1);
    DecisionView withdrawnView = projector.apply(projector.apply(null, withdrawnThenDecided.get(0)),
        withdrawnThenDecided.get(1));

    assertThatIllegalStateException().isThrownBy(() -> projector.apply(withdrawnView, decision))
        .withMessageContaining("DecisionMade needs a OPEN decision, but d-42 is WITHDRAWN");
    assertThatIllegalStateException().isThrownBy(() -> projector.apply(null, decision))
        .withMessageContaining("a decision's first event must be DecisionOpened");
    assertThatIllegalStateException()
        .isThrownBy(() -> projector.apply(withdrawnView, withdrawnThenDecided.get(0)))
        .withMessageContaining("DecisionOpened cannot follow an opened decision");
  }
}
