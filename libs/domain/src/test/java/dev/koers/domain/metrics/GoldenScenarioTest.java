package dev.koers.domain.metrics;

import static dev.koers.domain.metrics.GoldenScenario.GATE;
import static dev.koers.domain.metrics.GoldenScenario.MENU;
import static dev.koers.domain.metrics.GoldenScenario.PATROL;
import static dev.koers.domain.metrics.GoldenScenario.ROSTER;
import static dev.koers.domain.metrics.GoldenScenario.ROTA;
import static dev.koers.domain.metrics.GoldenScenario.SIGNAGE;
import static dev.koers.domain.metrics.GoldenScenario.VENDING;
import static dev.koers.domain.metrics.GoldenScenario.t;
import static dev.koers.domain.metrics.ScopeKind.MANAGER;
import static dev.koers.domain.metrics.ScopeKind.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * One assertion per metric of domain.md on {@link GoldenScenario}, with the arithmetic in a comment, so that
 * a reader can check each definition by hand. K = 3 (the default) unless a test says otherwise.
 */
class GoldenScenarioTest {

  private static final MetricsSnapshot REPLAY = MetricsReplay.replay(GoldenScenario.log());
  private static final Anonymity K3 = Anonymity.DEFAULT;

  // ---------------------------------------------------------------- per decision

  @Test
  void lead_time_is_decided_minus_opened_of_the_first_decision() {
    // d-roster: 2026-12-21 09:00 -> 2026-12-30 15:00 (back-dated) = 9 d 6 h = 777600 + 21600 = 799200 s;
    //           the revision of 5 Jan does not change it
    // d-menu:   2026-12-28 08:00 -> 2027-01-06 12:00 = 9 d 4 h = 777600 + 14400 = 792000 s
    // d-rota:   2027-01-04 09:00 -> 2027-01-11 10:00 = 7 d 1 h = 604800 + 3600 = 608400 s
    // d-gate:   2026-12-29 08:00 -> 2026-12-31 10:00 = 2 d 2 h = 172800 + 7200 = 180000 s
    // d-vending (withdrawn), d-patrol and d-signage (open) were never decided: null
    assertThat(perDecision(DecisionMetrics::leadTimeSeconds)).isEqualTo(expected(
        ROSTER, 799_200L, MENU, 792_000L, ROTA, 608_400L, GATE, 180_000L, VENDING, null, PATROL, null,
        SIGNAGE, null));
  }

  @Test
  void communication_lag_is_first_communicated_minus_decided() {
    // d-roster: communicated 4 Jan 09:00, then a back-dated communication of 31 Dec 09:00 was recorded:
    //           the earliest counts: 2026-12-30 15:00 -> 2026-12-31 09:00 = 18 h = 64800 s
    // d-rota:   2027-01-11 10:00 -> 16:00 = 6 h = 21600 s
    // d-gate:   2026-12-31 10:00 -> 2027-01-02 10:00 = 2 d = 172800 s
    // d-menu was decided but never communicated: null
    assertThat(perDecision(DecisionMetrics::communicationLagSeconds)).isEqualTo(expected(
        ROSTER, 64_800L, MENU, null, ROTA, 21_600L, GATE, 172_800L, VENDING, null, PATROL, null, SIGNAGE, null));
  }

  @Test
  void on_time_is_decided_no_later_than_the_due_date_when_there_is_one() {
    // d-roster: 2026-12-30 15:00 <= due 2026-12-31 17:00 -> true
    // d-rota:   2027-01-11 10:00 >  due 2027-01-08 00:00 -> false
    // d-gate:   2026-12-31 10:00 <= due 2027-01-01 00:00 -> true
    // d-menu and d-patrol have no due date; d-vending (withdrawn) and d-signage (open, past due on 19 Jan)
    // were never decided: null (no wall clock decides "late" for an open decision)
    assertThat(perDecision(DecisionMetrics::onTime)).isEqualTo(expected(
        ROSTER, true, MENU, null, ROTA, false, GATE, true, VENDING, null, PATROL, null, SIGNAGE, null));
  }

  @Test
  void perspectives_heard_count_only_hearings_not_after_the_decision_at_their_highest_depth() {
    // d-roster (decided 2026-12-30 15:00): CUSTOMER DIALOGUE (22 Dec), EMPLOYEE CONSULTED (23 Dec),
    //   ORGANIZATION CO_DECIDED (23 Dec); OTHER CONSULTED and CUSTOMER CO_DECIDED on 2 Jan came after the
    //   decision: OTHER is not heard and CUSTOMER stays at DIALOGUE
    // d-menu (decided 6 Jan 12:00): CUSTOMER INFORMED (28 Dec) then DIALOGUE (5 Jan): the highest, DIALOGUE
    // d-vending (withdrawn, never decided): every hearing counts: CUSTOMER DIALOGUE
    assertThat(perDecision(DecisionMetrics::perspectivesHeard)).isEqualTo(expected(
        ROSTER, Map.of(Perspective.CUSTOMER, Depth.DIALOGUE, Perspective.EMPLOYEE, Depth.CONSULTED,
            Perspective.ORGANIZATION, Depth.CO_DECIDED),
        MENU, Map.of(Perspective.CUSTOMER, Depth.DIALOGUE),
        ROTA, Map.of(Perspective.EMPLOYEE, Depth.DIALOGUE, Perspective.ORGANIZATION, Depth.INFORMED),
        GATE, Map.of(Perspective.CUSTOMER, Depth.CONSULTED, Perspective.EMPLOYEE, Depth.INFORMED),
        VENDING, Map.of(Perspective.CUSTOMER, Depth.DIALOGUE),
        PATROL, Map.of(Perspective.CUSTOMER, Depth.CO_DECIDED),
        SIGNAGE, Map.of(Perspective.CUSTOMER, Depth.DIALOGUE)));
  }

  @Test
  void balance_classes_each_decided_decision_by_the_core_perspectives_it_heard() {
    // d-roster: CUSTOMER + EMPLOYEE + ORGANIZATION      -> MULTI_PERSPECTIVE
    // d-menu:   CUSTOMER only                          -> CUSTOMER_ONLY
    // d-rota:   EMPLOYEE + ORGANIZATION, no CUSTOMER   -> NO_CUSTOMER
    // d-gate:   CUSTOMER + EMPLOYEE (no ORGANIZATION)  -> PARTIAL
    // undecided decisions have no balance: null
    assertThat(perDecision(DecisionMetrics::balance)).isEqualTo(expected(
        ROSTER, Balance.MULTI_PERSPECTIVE, MENU, Balance.CUSTOMER_ONLY, ROTA, Balance.NO_CUSTOMER,
        GATE, Balance.PARTIAL, VENDING, null, PATROL, null, SIGNAGE, null));
  }

  @Test
  void current_feedback_is_each_respondents_latest_by_occurred_at_then_by_log_order() {
    // d-roster, respondent -> (occurredAt of the current feedback, its added value):
    //   r-cust1: 4 Jan 12:00 (5); the feedback recorded later but back-dated to 3 Jan 12:00 (1) is older
    //   r-cust2: 5 Jan 12:00 (4)
    //   r-emp1:  12 Jan 09:00 (4) replaced 4 Jan 13:00 (3)
    //   r-org1:  31 Dec 12:00 (4)
    Map<String, FeedbackFact> current = REPLAY.facts().get(ROSTER).feedback();
    Map<String, Object> occurredAtAndAddedValue = new LinkedHashMap<>();
    current.forEach((respondent, f) -> occurredAtAndAddedValue.put(respondent, List.of(f.occurredAt(), f.addedValue())));
    assertThat(occurredAtAndAddedValue).isEqualTo(Map.of(
        "r-cust1", List.of(t("2027-01-04T12:00"), 5),
        "r-cust2", List.of(t("2027-01-05T12:00"), 4),
        "r-emp1", List.of(t("2027-01-12T09:00"), 4),
        "r-org1", List.of(t("2026-12-31T12:00"), 4)));
  }

  @Test
  void decision_scores_are_means_over_current_feedback_overall_and_per_perspective() {
    // d-gate, current feedback (clarity, speed, heard, addedValue; - = not rated):
    //   CUSTOMER     r-cust3 (5, 5, 4, 4)  r-cust4 (4, -, -, 5)  r-cust5 (-, -, -, 3)
    //   ORGANIZATION r-org2 (3, -, -, 2)   r-org3 (-, -, -, 3)   r-org4 (-, -, -, 3)
    // overall (6 respondents): clarity (5+4+3)/3 = 4.0; speed 5/1 = 5.0; heard 4/1 = 4.0;
    //   added value (4+5+3+2+3+3)/6 = 20/6 = 3.3333
    // CUSTOMER (3): clarity (5+4)/2 = 4.5; speed 5.0; heard 4.0; added value (4+5+3)/3 = 4.0
    // ORGANIZATION (3): clarity 3/1 = 3.0; speed and heard not rated: null; added value (2+3+3)/3 = 2.6667
    // EMPLOYEE, OTHER: no respondents, nothing to withhold, no means
    ScoreGroup none = new ScoreGroup(0, false, null, null, null, null);
    assertThat(decision(GATE).scores()).isEqualTo(new Scores(
        new ScoreGroup(6, false, 4.0, 5.0, 4.0, 3.3333),
        Map.of(Perspective.CUSTOMER, new ScoreGroup(3, false, 4.5, 5.0, 4.0, 4.0),
            Perspective.EMPLOYEE, none,
            Perspective.ORGANIZATION, new ScoreGroup(3, false, 3.0, null, null, 2.6667),
            Perspective.OTHER, none)));
  }

  @Test
  void value_consensus_needs_two_perspectives_each_with_a_mean_added_value_of_at_least_4() {
    // d-roster: CUSTOMER (5+4)/2 = 4.5, EMPLOYEE 4/1 = 4, ORGANIZATION 4/1 = 4: all >= 4 -> true
    // d-menu:   CUSTOMER 2/1 = 2 < 4 (ORGANIZATION 5)                             -> false
    // d-rota:   EMPLOYEE only: fewer than two perspectives                          -> false
    // d-gate:   CUSTOMER (4+5+3)/3 = 4, ORGANIZATION (2+3+3)/3 = 2.67 < 4           -> false
    // undecided decisions: null
    assertThat(perDecision(DecisionMetrics::valueConsensus)).isEqualTo(expected(
        ROSTER, true, MENU, false, ROTA, false, GATE, false, VENDING, null, PATROL, null, SIGNAGE, null));
  }

  // ---------------------------------------------------------------- per unit and per manager

  @Test
  void counts_count_in_the_week_of_the_event_that_makes_them() {
    // facilities ALL:     opened roster, menu, signage = 3; decided roster, menu = 2; withdrawn 0;
    //                     revised roster once = 1; first communicated roster = 1
    // facilities 2026-W53: opened menu (28 Dec); decided roster (back-dated to 30 Dec, recorded 2 Jan);
    //                     first communicated roster (back-dated 31 Dec)
    // facilities 2027-W01: decided menu (6 Jan); revised roster (5 Jan); roster's communication of 4 Jan
    //                     is not its first, so it does not count
    // m-bram ALL:         opened rota, vending, gate, patrol = 4; decided rota, gate = 2; withdrawn vending = 1;
    //                     revised gate twice = 2; first communicated rota, gate = 2
    // security 2026-W53:  opened, decided, revised (2 Jan 2027 is in week-year 2026) and communicated gate
    assertThat(Map.of(
        "facilities ALL", document(UNIT, "facilities", "ALL").counts(),
        "facilities 2026-W53", document(UNIT, "facilities", "2026-W53").counts(),
        "facilities 2027-W01", document(UNIT, "facilities", "2027-W01").counts(),
        "m-bram ALL", document(MANAGER, "m-bram", "ALL").counts(),
        "security 2026-W53", document(UNIT, "security", "2026-W53").counts()))
        .isEqualTo(Map.of(
            "facilities ALL", new Counts(3, 2, 0, 1, 1),
            "facilities 2026-W53", new Counts(1, 1, 0, 0, 1),
            "facilities 2027-W01", new Counts(0, 1, 0, 1, 0),
            "m-bram ALL", new Counts(4, 2, 1, 2, 2),
            "security 2026-W53", new Counts(1, 1, 0, 1, 1)));
  }

  @Test
  void lead_time_percentiles_are_nearest_rank_within_a_tenth_of_a_percent() {
    // m-anna ALL, lead times sorted: [792000 (menu), 799200 (roster)], n = 2
    //   p50: rank ceil(0.50 * 2) = 1 -> 792000; p90: rank ceil(0.90 * 2) = 2 -> 799200
    // m-bram ALL: [180000 (gate), 608400 (rota)]: p50 -> 180000, p90 -> 608400
    // Reported as the lower bound of the value's histogram bucket (3 significant digits, as HdrHistogram):
    //   2^19 <= 792000, 799200, 608400 < 2^20: buckets of 2^9 = 512 s:
    //     792000 -> 512 * floor(792000 / 512 = 1546.9) = 791552 (-0.057%)
    //     799200 -> 512 * 1560 = 798720 (-0.060%);  608400 -> 512 * 1188 = 608256 (-0.024%)
    //   2^17 <= 180000 < 2^18: buckets of 2^7 = 128 s: 128 * floor(1406.25) = 179968 (-0.018%)
    assertThat(Map.of(
        "m-anna ALL", document(MANAGER, "m-anna", "ALL").leadTimeSeconds(),
        "m-bram ALL", document(MANAGER, "m-bram", "ALL").leadTimeSeconds(),
        "catering 2027-W01", document(UNIT, "catering", "2027-W01").leadTimeSeconds()))
        .isEqualTo(Map.of(
            "m-anna ALL", new LeadTimeSeconds(791_552L, 798_720L),
            "m-bram ALL", new LeadTimeSeconds(179_968L, 608_256L),
            "catering 2027-W01", new LeadTimeSeconds(null, null)));
  }

  @Test
  void communication_lag_median_counts_in_the_week_of_the_first_communication() {
    // m-bram ALL: lags [21600 (rota), 172800 (gate)], p50 rank ceil(0.5 * 2) = 1 -> 21600
    //   (2^14 <= 21600 < 2^15: buckets of 16 s; 21600 = 16 * 1350 is a bucket bound: exact)
    // facilities 2026-W53: roster's first communication (31 Dec): 64800 (= 32 * 2025, exact)
    // facilities 2027-W01: roster was communicated again on 4 Jan, but not first: null
    assertThat(Map.of(
        "m-bram ALL", document(MANAGER, "m-bram", "ALL").communicationLagSeconds(),
        "facilities 2026-W53", document(UNIT, "facilities", "2026-W53").communicationLagSeconds(),
        "facilities 2027-W01", document(UNIT, "facilities", "2027-W01").communicationLagSeconds()))
        .isEqualTo(Map.of(
            "m-bram ALL", new CommunicationLagSeconds(21_600L),
            "facilities 2026-W53", new CommunicationLagSeconds(64_800L),
            "facilities 2027-W01", new CommunicationLagSeconds(null)));
  }

  @Test
  void on_time_share_is_on_time_over_decided_with_a_due_date() {
    // m-bram ALL: rota (due, late), gate (due, on time)       -> 1 / 2 = 0.5
    // m-anna ALL: roster (due, on time), menu (no due date)    -> 1 / 1 = 1.0
    // facilities 2027-W01: menu only, without a due date       -> null
    assertThat(figure(MetricsDocument::onTimeShare, "m-bram ALL", "m-anna ALL", "facilities 2027-W01"))
        .isEqualTo(expected("m-bram ALL", 0.5, "m-anna ALL", 1.0, "facilities 2027-W01", null));
  }

  @Test
  void revision_rate_is_the_share_of_the_windows_decided_decisions_revised_since() {
    // facilities ALL:      decided roster (revised 5 Jan), menu (not) -> 1 / 2 = 0.5
    // facilities 2026-W53: decided roster, revised since (in W01)     -> 1 / 1 = 1.0
    // facilities 2027-W01: decided menu (roster's revision happened in this week, but roster was decided
    //                      in W53)                                     -> 0 / 1 = 0.0
    // catering 2027-W01:   nothing decided                             -> null
    assertThat(figure(MetricsDocument::revisionRate,
        "facilities ALL", "facilities 2026-W53", "facilities 2027-W01", "catering 2027-W01"))
        .isEqualTo(expected("facilities ALL", 0.5, "facilities 2026-W53", 1.0, "facilities 2027-W01", 0.0,
            "catering 2027-W01", null));
  }

  @Test
  void withdrawal_rate_is_withdrawn_over_decided_plus_withdrawn_in_the_window() {
    // catering ALL:      decided rota 1, withdrawn vending 1 -> 1 / (1 + 1) = 0.5
    // catering 2027-W01: decided 0, withdrawn 1              -> 1 / (0 + 1) = 1.0
    // catering 2027-W02: decided rota 1, withdrawn 0         -> 0 / (1 + 0) = 0.0
    // security 2027-W02: neither (patrol was only opened)    -> null
    assertThat(figure(MetricsDocument::withdrawalRate,
        "catering ALL", "catering 2027-W01", "catering 2027-W02", "security 2027-W02"))
        .isEqualTo(expected("catering ALL", 0.5, "catering 2027-W01", 1.0, "catering 2027-W02", 0.0,
            "security 2027-W02", null));
  }

  @Test
  void scores_are_means_over_current_feedback_with_distinct_respondents_and_small_groups_withheld() {
    // facilities ALL, current feedback (clarity, speed, heard, addedValue):
    //   roster: r-cust1 (5,4,4,5) r-cust2 (4,5,3,4) r-emp1 (4,4,4,4) r-org1 (4,4,5,4)
    //   menu:   r-cust1 (3,-,-,2) r-org1 (4,-,-,5)
    //   overall: distinct respondents {r-cust1, r-cust2, r-emp1, r-org1} = 4 (six feedbacks)
    //     clarity (5+4+4+4+3+4)/6 = 24/6 = 4.0; speed (4+5+4+4)/4 = 4.25; heard (4+3+4+5)/4 = 4.0;
    //     added value (5+4+4+4+2+5)/6 = 24/6 = 4.0
    //   CUSTOMER: {r-cust1, r-cust2} = 2 < K = 3: withheld, count shown, means null
    // facilities 2027-W01 (feedback given 4..10 Jan): roster r-cust1, r-cust2; menu r-cust1, r-org1
    //   (r-emp1's feedback of 4 Jan was replaced by 12 Jan, so it counts in W02 now): 3 respondents
    //   clarity (5+4+3+4)/4 = 4.0; speed (4+5)/2 = 4.5; heard (4+3)/2 = 3.5; added value (5+4+2+5)/4 = 4.0
    assertThat(Map.of(
        "facilities ALL overall", document(UNIT, "facilities", "ALL").scores().overall(),
        "facilities ALL CUSTOMER", document(UNIT, "facilities", "ALL").scores().byPerspective().get(Perspective.CUSTOMER),
        "facilities 2027-W01 overall", document(UNIT, "facilities", "2027-W01").scores().overall()))
        .isEqualTo(Map.of(
            "facilities ALL overall", new ScoreGroup(4, false, 4.0, 4.25, 4.0, 4.0),
            "facilities ALL CUSTOMER", new ScoreGroup(2, true, null, null, null, null),
            "facilities 2027-W01 overall", new ScoreGroup(3, false, 4.0, 4.5, 3.5, 4.0)));
  }

  @Test
  void coverage_is_the_share_of_decided_decisions_that_heard_a_perspective_and_their_mean_depth() {
    // facilities ALL, decided: roster (CUSTOMER 3, EMPLOYEE 2, ORGANIZATION 4), menu (CUSTOMER 3)
    //   CUSTOMER     2 / 2 = 1.0, depth (3 + 3) / 2 = 3.0
    //   EMPLOYEE     1 / 2 = 0.5, depth 2 / 1 = 2.0
    //   ORGANIZATION 1 / 2 = 0.5, depth 4 / 1 = 4.0
    //   OTHER        0 / 2 = 0.0 (roster heard it after its decision), depth: none heard -> null
    assertThat(document(UNIT, "facilities", "ALL").coverage()).isEqualTo(Map.of(
        Perspective.CUSTOMER, new CoverageFigure(1.0, 3.0),
        Perspective.EMPLOYEE, new CoverageFigure(0.5, 2.0),
        Perspective.ORGANIZATION, new CoverageFigure(0.5, 4.0),
        Perspective.OTHER, new CoverageFigure(0.0, null)));
  }

  @Test
  void balance_mix_counts_each_class_among_decided_decisions() {
    // facilities ALL: roster MULTI_PERSPECTIVE, menu CUSTOMER_ONLY
    // m-bram ALL:     rota NO_CUSTOMER, gate PARTIAL (vending was withdrawn, patrol is open)
    assertThat(Map.of(
        "facilities ALL", document(UNIT, "facilities", "ALL").balance(),
        "m-bram ALL", document(MANAGER, "m-bram", "ALL").balance()))
        .isEqualTo(Map.of(
            "facilities ALL", balanceMix(1, 1, 0, 0),
            "m-bram ALL", balanceMix(0, 0, 1, 1)));
  }

  @Test
  void value_consensus_share_is_among_decided_decisions_with_feedback_from_two_perspectives() {
    // facilities ALL: roster (3 perspectives, consensus), menu (2 perspectives, none) -> 1 / 2 = 0.5
    // m-bram ALL:     rota (EMPLOYEE only: not counted), gate (2 perspectives, none)  -> 0 / 1 = 0.0
    // catering ALL:   rota only, not counted                                          -> null
    assertThat(figure(MetricsDocument::valueConsensusShare, "facilities ALL", "m-bram ALL", "catering ALL"))
        .isEqualTo(expected("facilities ALL", 0.5, "m-bram ALL", 0.0, "catering ALL", null));
  }

  @Test
  void perception_gap_is_customer_minus_organization_mean_added_value_per_activity_group() {
    // security 2026-W53, POWER (gate): CUSTOMER (4+5+3)/3 = 4; ORGANIZATION (2+3+3)/3 = 8/3
    //   gap = 4 - 8/3 = 4/3 = 1.3333 (positive for POWER, as the study found); other groups: no feedback
    // facilities ALL, POWER (roster): the CUSTOMER side has 2 respondents < K = 3: withheld, so null;
    //   CONTENT (menu): each side has 1 respondent: null
    assertThat(Map.of(
        "security 2026-W53", document(UNIT, "security", "2026-W53").perceptionGap(),
        "facilities ALL", document(UNIT, "facilities", "ALL").perceptionGap()))
        .isEqualTo(Map.of(
            "security 2026-W53", gaps(null, null, null, 1.3333),
            "facilities ALL", gaps(null, null, null, null)));
  }

  @Test
  void dialogue_cadence_is_the_weeks_with_a_customer_dialogue_their_longest_run_and_the_latest() {
    // m-anna: CUSTOMER at DIALOGUE or deeper: roster 22 Dec (2026-W52), roster 2 Jan CO_DECIDED (2026-W53,
    //   after the decision, but a dialogue all the same), menu 5 Jan (2027-W01), signage 19 Jan (2027-W03);
    //   menu's INFORMED hearing of 28 Dec does not count
    //   longest run: 2026-W52, 2026-W53, 2027-W01 = 3 (across the year boundary); latest 2027-W03
    // m-bram: vending 6 Jan (2027-W01), patrol 12 Jan CO_DECIDED (2027-W02); gate's CONSULTED does not count
    // A unit has no dialogue cadence: null
    assertThat(figure(MetricsDocument::dialogue, "m-anna ALL", "m-bram ALL", "m-anna 2027-W02", "facilities ALL"))
        .isEqualTo(expected(
            "m-anna ALL", new Dialogue(List.of("2026-W52", "2026-W53", "2027-W01", "2027-W03"), 3, "2027-W03"),
            "m-bram ALL", new Dialogue(List.of("2027-W01", "2027-W02"), 2, "2027-W02"),
            "m-anna 2027-W02", new Dialogue(List.of(), 0, null),
            "facilities ALL", null));
  }

  @Test
  void the_weekly_series_lists_each_week_where_something_counted_oldest_first() {
    // facilities: W52 roster opened; W53 menu opened, roster decided; W01 menu decided; W02 r-emp1's
    // replaced feedback; W03 signage opened
    assertThat(REPLAY.weeklySeries(UNIT, "facilities", K3).weeks()).extracting(MetricsDocument::window)
        .containsExactly("2026-W52", "2026-W53", "2027-W01", "2027-W02", "2027-W03");
  }

  // ---------------------------------------------------------------- helpers

  private static DecisionMetrics decision(String id) {
    return DecisionMetrics.of(REPLAY.facts().get(id), K3);
  }

  private static <T> Map<String, T> perDecision(Function<DecisionMetrics, T> figure) {
    Map<String, T> values = new HashMap<>();
    REPLAY.facts().keySet().forEach(id -> values.put(id, figure.apply(decision(id))));
    return values;
  }

  /** "facilities ALL" or "m-bram 2027-W01": a unit's or a manager's (ids starting with m-) window. */
  private static <T> Map<String, T> figure(Function<MetricsDocument, T> figure, String... labels) {
    Map<String, T> values = new HashMap<>();
    for (String label : labels) {
      String[] parts = label.split(" ");
      ScopeKind scope = parts[0].startsWith("m-") ? MANAGER : UNIT;
      values.put(label, figure.apply(document(scope, parts[0], parts[1])));
    }
    return values;
  }

  private static MetricsDocument document(ScopeKind scope, String id, String window) {
    return REPLAY.document(new AggregateKey(scope, id, window), K3);
  }

  /** A map that may hold null values (Map.of cannot). */
  @SuppressWarnings("unchecked")
  private static <T> Map<String, T> expected(Object... keysAndValues) {
    Map<String, T> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (T) keysAndValues[i + 1]);
    }
    return map;
  }

  private static Map<Balance, Long> balanceMix(long multi, long customerOnly, long noCustomer, long partial) {
    return Map.of(Balance.MULTI_PERSPECTIVE, multi, Balance.CUSTOMER_ONLY, customerOnly,
        Balance.NO_CUSTOMER, noCustomer, Balance.PARTIAL, partial);
  }

  private static Map<ActivityGroup, Double> gaps(Double ownAction, Double interaction, Double content, Double power) {
    Map<ActivityGroup, Double> map = new HashMap<>();
    map.put(ActivityGroup.OWN_ACTION, ownAction);
    map.put(ActivityGroup.INTERACTION, interaction);
    map.put(ActivityGroup.CONTENT, content);
    map.put(ActivityGroup.POWER, power);
    return map;
  }
}
