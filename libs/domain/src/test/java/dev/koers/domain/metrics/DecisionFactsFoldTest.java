package dev.koers.domain.metrics;

import static dev.koers.domain.metrics.GoldenScenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fold from events to {@link DecisionFacts}: what it keeps, and how it treats a redelivered event. */
class DecisionFactsFoldTest {

  private final DecisionFactsFold fold = new DecisionFactsFold();
  private final List<DecisionEvent> events = new LogBuilder(t("2027-03-01T08:00"))
      .open("d-1", "u", "m", ActivityGroup.INTERACTION, t("2027-03-10T00:00"), t("2027-03-01T09:00"))
      .hear("d-1", Perspective.CUSTOMER, Depth.CONSULTED, t("2027-03-01T10:00"))
      .decide("d-1", t("2027-03-02T09:00"))
      .communicate("d-1", t("2027-03-04T09:00"))
      .communicate("d-1", t("2027-03-03T09:00"))
      .revise("d-1", t("2027-03-05T09:00"))
      .revise("d-1", t("2027-03-06T09:00"))
      .feedback("d-1", "r-1", Perspective.EMPLOYEE, 3, null, null, null, t("2027-03-05T09:00"))
      .events();

  @Test
  void it_keeps_what_the_metrics_need() {
    DecisionFacts facts = foldAll(events);

    assertThat(facts).isEqualTo(new DecisionFacts("d-1", 8, "u", "m", ActivityGroup.INTERACTION,
        t("2027-03-01T09:00"), t("2027-03-10T00:00"), t("2027-03-02T09:00"), t("2027-03-03T09:00"), null,
        List.of(t("2027-03-05T09:00"), t("2027-03-06T09:00")),
        List.of(new HeardFact(Perspective.CUSTOMER, Depth.CONSULTED, t("2027-03-01T10:00"))),
        java.util.Map.of("r-1", new FeedbackFact(Perspective.EMPLOYEE, t("2027-03-05T09:00"), 8, 3, null, null,
            null))));
  }

  @Test
  void a_redelivered_event_changes_nothing() {
    DecisionFacts facts = foldAll(events);

    for (DecisionEvent event : events) {
      assertThat(fold.apply(facts, event)).isEqualTo(facts);
    }
  }

  @Test
  void a_decision_must_start_with_its_opening_and_events_stay_with_their_decision() {
    DecisionFacts facts = foldAll(events);
    DecisionEvent otherDecision = DecisionEvent.newBuilder(events.get(1)).setDecisionId("d-2").setSequence(9).build();

    assertThatThrownBy(() -> fold.apply(null, events.get(1))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before the decision was opened");
    assertThatThrownBy(() -> fold.apply(facts, otherDecision)).isInstanceOf(IllegalStateException.class);
  }

  private DecisionFacts foldAll(List<DecisionEvent> log) {
    DecisionFacts facts = null;
    for (DecisionEvent event : log) {
      facts = fold.apply(facts, event);
    }
    return facts;
  }
}
