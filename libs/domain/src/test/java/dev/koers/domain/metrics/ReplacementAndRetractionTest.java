package dev.koers.domain.metrics;

import static dev.koers.domain.metrics.GoldenScenario.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Perspective;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A respondent's later feedback replaces their earlier one in every view: the old one is retracted from the
 * week it counted in, exactly, and the new one counts in its own week.
 *
 * <p>Decision d-1 (unit u, manager m), opened and decided in 2027-W09 (1..7 March); 2027-W10 is 8..14 March.
 */
class ReplacementAndRetractionTest {

  private static final AggregateKey WEEK_A = new AggregateKey(ScopeKind.UNIT, "u", "2027-W09");
  private static final AggregateKey WEEK_B = new AggregateKey(ScopeKind.UNIT, "u", "2027-W10");
  private static final AggregateKey ALL = new AggregateKey(ScopeKind.UNIT, "u", "ALL");

  private final LogBuilder log = new LogBuilder(t("2027-03-01T08:00"));

  ReplacementAndRetractionTest() {
    log.open("d-1", "u", "m", ActivityGroup.POWER, null, t("2027-03-01T09:00"))
        .decide("d-1", t("2027-03-02T09:00"))
        .feedback("d-1", "r-2", Perspective.CUSTOMER, 4, null, null, 4, t("2027-03-03T09:00"))
        .feedback("d-1", "r-3", Perspective.CUSTOMER, 2, null, null, 3, t("2027-03-03T10:00"));
  }

  @Test
  void a_replacement_in_a_later_week_moves_week_a_exactly_back_to_what_it_was_before() {
    log.feedback("d-1", "r-1", Perspective.CUSTOMER, 1, null, null, 5, t("2027-03-04T09:00"));
    log.feedback("d-1", "r-1", Perspective.CUSTOMER, 5, null, null, 1, t("2027-03-09T09:00"));
    List<MetricsSnapshot> after = afterEachEvent(log.events());
    MetricsSnapshot beforeR1 = after.get(3);
    MetricsSnapshot withR1InWeekA = after.get(4);
    MetricsSnapshot replaced = after.get(5);

    assertThat(withR1InWeekA.aggregates().get(WEEK_A)).isNotEqualTo(beforeR1.aggregates().get(WEEK_A));
    assertThat(replaced.aggregates().get(WEEK_A)).isEqualTo(beforeR1.aggregates().get(WEEK_A));
    // Week A: r-2, r-3: clarity (4+2)/2 = 3.0, added value (4+3)/2 = 3.5 (K = 1 to see the means)
    assertThat(replaced.document(WEEK_A, new Anonymity(1)).scores().overall())
        .isEqualTo(new ScoreGroup(2, false, 3.0, null, null, 3.5));
    // Week B: r-1's current feedback only
    assertThat(replaced.document(WEEK_B, new Anonymity(1)).scores().overall())
        .isEqualTo(new ScoreGroup(1, false, 5.0, null, null, 1.0));
    // All time: r-1 counts once, with the replacement: (4+2+5)/3 = 3.6667, (4+3+1)/3 = 2.6667
    assertThat(replaced.document(ALL, Anonymity.DEFAULT).scores().overall())
        .isEqualTo(new ScoreGroup(3, false, 3.6667, null, null, 2.6667));
  }

  @Test
  void a_feedback_back_dated_behind_the_current_one_changes_nothing() {
    log.feedback("d-1", "r-2", Perspective.CUSTOMER, 5, null, null, 5, t("2027-03-09T09:00"));
    MetricsSnapshot before = MetricsReplay.replay(log.events());

    // Recorded later, but it happened before r-2's current feedback of 9 March.
    log.feedback("d-1", "r-2", Perspective.CUSTOMER, 1, null, null, 1, t("2027-03-05T09:00"));
    MetricsSnapshot after = MetricsReplay.replay(log.events());

    assertThat(after.aggregates()).isEqualTo(before.aggregates());
    assertThat(after.facts().get("d-1").feedback()).isEqualTo(before.facts().get("d-1").feedback());
  }

  @Test
  void on_the_same_occurred_at_the_later_feedback_in_the_log_is_current() {
    log.feedback("d-1", "r-1", Perspective.CUSTOMER, 1, null, null, 1, t("2027-03-04T09:00"));
    log.feedback("d-1", "r-1", Perspective.CUSTOMER, 5, null, null, 5, t("2027-03-04T09:00"));

    FeedbackFact current = MetricsReplay.replay(log.events()).facts().get("d-1").feedback().get("r-1");
    assertThat(current.addedValue()).isEqualTo(5);
  }

  @Test
  void a_respondent_who_changes_perspective_moves_between_perspective_groups() {
    log.feedback("d-1", "r-1", Perspective.CUSTOMER, 3, null, null, 3, t("2027-03-04T09:00"));
    log.feedback("d-1", "r-1", Perspective.EMPLOYEE, 3, null, null, 3, t("2027-03-05T09:00"));

    Scores scores = MetricsReplay.replay(log.events()).document(WEEK_A, new Anonymity(1)).scores();
    assertThat(scores.byPerspective().get(Perspective.CUSTOMER).respondents()).isEqualTo(2);
    assertThat(scores.byPerspective().get(Perspective.EMPLOYEE).respondents()).isEqualTo(1);
    assertThat(scores.overall().respondents()).isEqualTo(3);
  }

  @Test
  void value_consensus_counted_in_the_decision_week_follows_a_replacement_in_a_later_week() {
    // r-2, r-3 (CUSTOMER, mean added value 3.5) and r-4 (ORGANIZATION, 5): CUSTOMER is below 4, no consensus.
    log.feedback("d-1", "r-4", Perspective.ORGANIZATION, null, null, null, 5, t("2027-03-04T09:00"));
    assertThat(MetricsReplay.replay(log.events()).document(WEEK_A, Anonymity.DEFAULT).valueConsensusShare())
        .isEqualTo(0.0);

    // r-3 changes their mind in week B: CUSTOMER (4 + 5) / 2 = 4.5: consensus, still counted in week A.
    log.feedback("d-1", "r-3", Perspective.CUSTOMER, null, null, null, 5, t("2027-03-10T09:00"));
    MetricsSnapshot after = MetricsReplay.replay(log.events());
    assertThat(after.document(WEEK_A, Anonymity.DEFAULT).valueConsensusShare()).isEqualTo(1.0);
    assertThat(after.document(WEEK_B, Anonymity.DEFAULT).valueConsensusShare()).isNull();
    assertThat(IncrementalViews.subtractingAndAdding(log.events()).aggregates()).isEqualTo(after.aggregates());
  }

  /** The views' state after each event, the way the views keep it (subtract old, add new). */
  private static List<MetricsSnapshot> afterEachEvent(List<DecisionEvent> events) {
    IncrementalViews views = new IncrementalViews();
    List<MetricsSnapshot> snapshots = new ArrayList<>();
    for (DecisionEvent event : events) {
      views.subtractOldAddNew(event);
      snapshots.add(views.snapshot());
    }
    return snapshots;
  }
}
