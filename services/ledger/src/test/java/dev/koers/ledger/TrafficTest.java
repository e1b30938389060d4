package dev.koers.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.LedgerStep;
import dev.koers.schema.Accepted;
import dev.koers.schema.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The crash test's traffic plans the outcome of each submission; the pure core must agree with every plan. */
class TrafficTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void everyPlannedOutcomeIsWhatTheDomainDecides() {
    List<Traffic.Planned> traffic = Traffic.generate(42, 20_000, NOW);
    LedgerStep step = new LedgerStep(new Decider(Duration.ofMinutes(2)));
    Map<String, DecisionState> states = new HashMap<>();

    for (Traffic.Planned planned : traffic) {
      String decisionId = planned.submission().getDecisionId();
      LedgerStep.Result result = step.handle(states.get(decisionId), planned.submission(), NOW, "e");
      if (planned.accepted()) {
        assertThat(result.outcome().getResult()).as(planned.toString()).isInstanceOfSatisfying(Accepted.class,
            accepted -> assertThat(accepted.getSequence()).isEqualTo(planned.sequence()));
        states.put(decisionId, result.newState());
      } else {
        assertThat(result.outcome().getResult()).as(planned.toString()).isInstanceOfSatisfying(Rejected.class,
            rejected -> assertThat(rejected.getRule()).isEqualTo(planned.expected()));
      }
    }
  }

  @Test
  void itIsARealisticMixWithEveryKindOfRejection() {
    List<Traffic.Planned> traffic = Traffic.generate(7, 20_000, NOW);

    assertThat(traffic).hasSizeGreaterThanOrEqualTo(20_000);
    assertThat(traffic.stream().map(Traffic.Planned::key).distinct().count()).isEqualTo(traffic.size());
    Map<String, Long> byExpectation = traffic.stream()
        .collect(Collectors.groupingBy(Traffic.Planned::expected, Collectors.counting()));
    assertThat(byExpectation.keySet()).contains("ACCEPTED", "DECISION_NOT_FOUND", "NOT_OWNING_MANAGER",
        "DUE_BEFORE_OPENING", "DECISION_ALREADY_EXISTS", "ROLE_NOT_ALLOWED", "LABEL_REQUIRED",
        "OCCURS_BEFORE_OPENING", "STALE_SEQUENCE", "DECISION_NOT_DECIDED", "DECISION_NOT_OPEN",
        "RATING_OUT_OF_RANGE", "FEEDBACK_WITHOUT_RATING", "RESPONDENT_MISMATCH", "OCCURS_BEFORE_DECISION",
        "OCCURS_IN_FUTURE");
    assertThat(traffic.stream().map(p -> p.submission().getDecisionId()).distinct().count())
        .isGreaterThan(2_000);
    assertThat(Traffic.generate(7, 20_000, NOW)).as("seeded").isEqualTo(traffic);
  }
}
