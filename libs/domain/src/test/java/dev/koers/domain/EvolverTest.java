package dev.koers.domain;

import static dev.koers.domain.Fixtures.DECIDED_AT;
import static dev.koers.domain.Fixtures.OPENED_AT;
import static dev.koers.domain.Fixtures.communicated;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.feedbackGiven;
import static dev.koers.domain.Fixtures.heard;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.revised;
import static dev.koers.domain.Fixtures.withdrawn;
import static dev.koers.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.event.DecisionMade;
import dev.koers.schema.event.DecisionOpened;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Evolving a decision's state from its events")
class EvolverTest {

  private final Evolver evolver = new Evolver();
  private final HashChain hashChain = new HashChain();

  @Test
  void the_opening_sets_who_owns_the_decision_and_when_it_opened() {
    Instant due = Instant.parse("2026-03-20T17:00:00Z");
    List<DecisionEvent> events = given(opened(e -> e.setDueBy(due))).events();

    DecisionState state = evolver.evolve(null, events.get(0));

    assertThat(state).isEqualTo(new DecisionState("d-42", DecisionStatus.OPEN, 1,
        HashChain.hex(events.get(0).getHash()), OPENED_AT, null, "m-1", "facilities", due, 0, 0));
  }

  @Test
  void the_first_decision_sets_decidedAt_and_later_events_keep_it() {
    DecisionState state = replay(given(opened(), heard(Perspective.CUSTOMER, Depth.DIALOGUE), decided(),
        communicated(), revised(), feedbackGiven()).events());

    assertThat(state.status()).isEqualTo(DecisionStatus.DECIDED);
    assertThat(state.decidedAt()).isEqualTo(DECIDED_AT);
    assertThat(state.sequence()).isEqualTo(6);
  }

  @Test
  void a_withdrawal_ends_an_open_decision() {
    assertThat(replay(given(opened(), withdrawn()).events()).status()).isEqualTo(DecisionStatus.WITHDRAWN);
  }

  @Test
  void the_state_keeps_the_last_events_sequence_and_hash() {
    List<DecisionEvent> events = given(opened(), decided(), revised()).events();

    DecisionState state = replay(events);

    assertThat(state.sequence()).isEqualTo(3);
    assertThat(state.lastHash()).isEqualTo(HashChain.hex(events.get(2).getHash())).matches("[0-9a-f]{64}");
  }

  @Test
  void replaying_the_log_gives_the_live_state() {
    Scenario live = given(opened(), decided(), communicated());

    assertThat(replay(live.events())).isEqualTo(live.state());
  }

  @Test
  void an_event_that_repeats_a_sequence_cannot_follow() {
    List<DecisionEvent> events = given(opened(), decided()).events();
    DecisionState afterBoth = replay(events);

    assertThatIllegalStateException()
        .isThrownBy(() -> evolver.evolve(afterBoth, events.get(1)))
        .withMessageContaining("its sequence is 2, expected 3");
  }

  @Test
  void an_event_that_skips_a_sequence_cannot_follow() {
    List<DecisionEvent> events = given(opened(), decided(), revised()).events();
    DecisionState afterOpening = evolver.evolve(null, events.get(0));

    assertThatIllegalStateException().isThrownBy(() -> evolver.evolve(afterOpening, events.get(2)));
  }

  @Test
  void an_event_whose_previous_hash_is_not_the_last_hash_cannot_follow() {
    List<DecisionEvent> events = given(opened(), decided()).events();
    DecisionState afterOpening = evolver.evolve(null, events.get(0));
    DecisionEvent relinked = hashChain.seal(DecisionEvent.newBuilder(events.get(1))
        .setPreviousHash(HashChain.genesis()).build());

    assertThatIllegalStateException()
        .isThrownBy(() -> evolver.evolve(afterOpening, relinked))
        .withMessageContaining("previousHash");
  }

  @Test
  void the_first_event_must_open_the_decision_with_sequence_1_after_genesis() {
    List<DecisionEvent> events = given(opened(), decided()).events();
    DecisionEvent openingAsSecond = hashChain.seal(DecisionEvent.newBuilder(events.get(0)).setSequence(2).build());

    assertThatIllegalStateException().isThrownBy(() -> evolver.evolve(null, events.get(1)))
        .withMessageContaining("must be DecisionOpened");
    assertThatIllegalStateException().isThrownBy(() -> evolver.evolve(null, openingAsSecond));
  }

  @Test
  void a_decision_is_opened_only_once() {
    List<DecisionEvent> events = given(opened()).events();
    DecisionState state = replay(events);
    DecisionEvent reopening = next(events.get(0), opened().payload());

    assertThatIllegalStateException().isThrownBy(() -> evolver.evolve(state, reopening));
  }

  @Test
  void a_transition_the_rules_forbid_cannot_follow() {
    List<DecisionEvent> events = given(opened(), withdrawn()).events();
    DecisionState withdrawnState = replay(events);
    DecisionEvent madeAfterWithdrawal = next(events.get(1), new DecisionMade("x", null, false));

    assertThatIllegalStateException()
        .isThrownBy(() -> evolver.evolve(withdrawnState, madeAfterWithdrawal))
        .withMessageContaining("needs a OPEN decision");
  }

  @Test
  void an_event_of_another_decision_cannot_follow() {
    List<DecisionEvent> events = given(opened(), decided()).events();
    DecisionState afterOpening = evolver.evolve(null, events.get(0));
    DecisionEvent elsewhere = hashChain.seal(DecisionEvent.newBuilder(events.get(1)).setDecisionId("d-43").build());

    assertThatIllegalStateException().isThrownBy(() -> evolver.evolve(afterOpening, elsewhere))
        .withMessageContaining("d-43");
  }

  @Test
  void an_unsealed_event_cannot_be_applied() {
    DecisionEvent unsealed = DecisionEvent.newBuilder(given(opened()).events().get(0)).build();
    unsealed.setHash(null);

    assertThatIllegalStateException().isThrownBy(() -> evolver.evolve(null, unsealed))
        .withMessageContaining("not sealed");
  }

  @Test
  void the_state_ignores_sub_millisecond_precision_the_log_cannot_keep() {
    DecisionEvent precise = hashChain.seal(DecisionEvent.newBuilder(given(opened()).events().get(0))
        .setOccurredAt(OPENED_AT.plusNanos(123_456))
        .setPayload(DecisionOpened.newBuilder((DecisionOpened) opened().payload())
            .setDueBy(OPENED_AT.plusNanos(999)).build())
        .build());

    DecisionState state = evolver.evolve(null, precise);

    assertThat(state.openedAt()).isEqualTo(OPENED_AT);
    assertThat(state.dueBy()).isEqualTo(OPENED_AT);
  }

  @Test
  void the_transition_table_is_what_evolve_enforces_for_every_status_and_kind() {
    List<List<DecisionEvent>> toEachStatus = List.of(given(opened()).events(),
        given(opened(), decided()).events(), given(opened(), withdrawn()).events());
    List<Object> kinds = List.of(opened().payload(), heard(Perspective.CUSTOMER, Depth.DIALOGUE).payload(),
        decided().payload(), communicated().payload(), revised().payload(), withdrawn().payload(),
        feedbackGiven().payload());
    int accepted = 0;
    for (List<DecisionEvent> events : toEachStatus) {
      DecisionState state = replay(events);
      for (Object kind : kinds) {
        DecisionEvent event = next(events.get(events.size() - 1), kind);
        DecisionState evolved = evolveOrNull(state, event);
        if (evolved == null) {
          assertThatIllegalStateException().as("%s after %s", kind.getClass().getSimpleName(), state.status())
              .isThrownBy(() -> Evolver.statusAfter(state.status(), event));
        } else {
          accepted++;
          assertThat(Evolver.statusAfter(state.status(), event)).isEqualTo(evolved.status());
        }
      }
    }
    // OPEN takes heard/made/withdrawn; DECIDED takes communicated/revised/feedback; WITHDRAWN takes nothing.
    assertThat(accepted).isEqualTo(6);
    assertThat(Evolver.statusAfter(null, given(opened()).events().get(0))).isEqualTo(DecisionStatus.OPEN);
    assertThatIllegalStateException().isThrownBy(() -> Evolver.statusAfter(null, next(
        given(opened()).events().get(0), decided().payload()))).withMessageContaining("must be DecisionOpened");
  }

  private DecisionState evolveOrNull(DecisionState state, DecisionEvent event) {
    try {
      return evolver.evolve(state, event);
    } catch (IllegalStateException e) {
      return null;
    }
  }

  private DecisionState replay(List<DecisionEvent> events) {
    DecisionState state = null;
    for (DecisionEvent event : events) {
      state = evolver.evolve(state, event);
    }
    return state;
  }

  private DecisionEvent next(DecisionEvent previous, Object payload) {
    return hashChain.seal(DecisionEvent.newBuilder(previous)
        .setEventId(previous.getEventId() + "-next")
        .setSequence(previous.getSequence() + 1)
        .setPreviousHash(previous.getHash())
        .setPayload(payload)
        .build());
  }
}
