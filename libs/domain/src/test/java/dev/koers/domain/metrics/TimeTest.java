package dev.koers.domain.metrics;

import static dev.koers.domain.metrics.GoldenScenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.WeekFields;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The two clocks: every figure counts in the ISO week of its {@code occurredAt}, whenever it was recorded. */
class TimeTest {

  @Test
  void iso_weeks_belong_to_the_week_based_year_of_their_thursday() {
    assertThat(Map.of(
        "2026-12-31T12:00:00Z", IsoWeek.of(Instant.parse("2026-12-31T12:00:00Z")).toString(),
        "2027-01-01T00:00:00Z", IsoWeek.of(Instant.parse("2027-01-01T00:00:00Z")).toString(),
        "2027-01-03T23:59:59.999Z", IsoWeek.of(Instant.parse("2027-01-03T23:59:59.999Z")).toString(),
        "2027-01-04T00:00:00Z", IsoWeek.of(Instant.parse("2027-01-04T00:00:00Z")).toString(),
        "2025-12-29T00:00:00Z", IsoWeek.of(Instant.parse("2025-12-29T00:00:00Z")).toString(),
        "2021-01-03T12:00:00Z", IsoWeek.of(Instant.parse("2021-01-03T12:00:00Z")).toString()))
        .isEqualTo(Map.of(
            "2026-12-31T12:00:00Z", "2026-W53",
            "2027-01-01T00:00:00Z", "2026-W53",
            "2027-01-03T23:59:59.999Z", "2026-W53",
            "2027-01-04T00:00:00Z", "2027-W01",
            "2025-12-29T00:00:00Z", "2026-W01",
            "2021-01-03T12:00:00Z", "2020-W53"));
  }

  @Test
  void every_day_of_forty_years_gets_java_times_iso_week_and_weeks_are_consecutive_across_years() {
    IsoWeek previous = IsoWeek.of(LocalDate.of(1999, 12, 27));
    for (LocalDate day = LocalDate.of(2000, 1, 1); day.getYear() < 2040; day = day.plusDays(1)) {
      IsoWeek week = IsoWeek.of(day);
      assertThat(week.year()).isEqualTo(day.get(WeekFields.ISO.weekBasedYear()));
      assertThat(week.week()).isEqualTo(day.get(WeekFields.ISO.weekOfWeekBasedYear()));
      assertThat(IsoWeek.parse(week.toString())).isEqualTo(week);
      if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
        assertThat(week.ordinal()).isEqualTo(previous.ordinal() + 1);
        assertThat(previous.next()).isEqualTo(week);
        assertThat(week.monday()).isEqualTo(day);
      }
      previous = week;
    }
  }

  @Test
  void only_weeks_that_exist_are_windows() {
    assertThat(IsoWeek.valid("2026-W53")).isTrue();
    assertThat(List.of("2025-W53", "2026-W00", "2026-W54", "2026-48", "2026-w48", "26-W48", "ALL"))
        .noneMatch(IsoWeek::valid);
    assertThatThrownBy(() -> new AggregateKey(ScopeKind.UNIT, "u", "2025-W53"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aggregate_keys_sort_all_time_first_then_weeks_in_time_order_and_survive_their_string_form() {
    AggregateKey w53 = new AggregateKey(ScopeKind.UNIT, "a:b", "2026-W53");
    AggregateKey w01 = new AggregateKey(ScopeKind.UNIT, "a:b", "2027-W01");
    AggregateKey all = AggregateKey.allTime(ScopeKind.UNIT, "a:b");

    assertThat(new TreeSet<>(List.of(w01, w53, all))).containsExactly(all, w53, w01);
    assertThat(AggregateKey.parse(w53.asString())).isEqualTo(w53);
    assertThat(w53.asString()).isEqualTo("UNIT:a:b:2026-W53");
  }

  @Test
  void a_back_dated_event_counts_in_the_week_it_occurred_not_the_week_it_was_recorded() {
    // Opened Mon 2027-03-01 (W09); the decision is recorded on 2027-03-17 (W11), back-dated to 03-03 (W09).
    LogBuilder log = new LogBuilder(t("2027-03-01T08:00"))
        .open("d-1", "u", "m", ActivityGroup.CONTENT, t("2027-03-05T00:00"), t("2027-03-01T09:00"));
    log.advance(Duration.ofDays(16));
    log.decide("d-1", t("2027-03-03T09:00"));
    MetricsSnapshot snapshot = MetricsReplay.replay(log.events());

    assertThat(log.events().get(1).getRecordedAt()).isAfter(t("2027-03-15T00:00"));
    assertThat(snapshot.document(new AggregateKey(ScopeKind.UNIT, "u", "2027-W09"), Anonymity.DEFAULT).counts())
        .isEqualTo(new Counts(1, 1, 0, 0, 0));
    assertThat(snapshot.aggregates()).doesNotContainKey(new AggregateKey(ScopeKind.UNIT, "u", "2027-W11"));
    assertThat(DecisionMetrics.of(snapshot.facts().get("d-1")).onTime()).isTrue();
  }

  @Test
  void a_hearing_after_the_decision_is_not_heard_and_one_at_the_same_instant_is() {
    // Both hearings are recorded first; then the decision is back-dated to the employee hearing's instant,
    // one second before the customer hearing.
    LogBuilder log = new LogBuilder(t("2027-03-01T08:00"))
        .open("d-1", "u", "m", ActivityGroup.CONTENT, null, t("2027-03-01T09:00"))
        .hear("d-1", Perspective.EMPLOYEE, Depth.CONSULTED, t("2027-03-02T10:00"))
        .hear("d-1", Perspective.CUSTOMER, Depth.CO_DECIDED, t("2027-03-02T10:00").plusSeconds(1))
        .decide("d-1", t("2027-03-02T10:00"));
    MetricsSnapshot snapshot = MetricsReplay.replay(log.events());
    DecisionMetrics metrics = DecisionMetrics.of(snapshot.facts().get("d-1"));

    assertThat(metrics.perspectivesHeard()).isEqualTo(Map.of(Perspective.EMPLOYEE, Depth.CONSULTED));
    assertThat(metrics.balance()).isEqualTo(Balance.NO_CUSTOMER);
    assertThat(snapshot.document(AggregateKey.allTime(ScopeKind.UNIT, "u"), Anonymity.DEFAULT).coverage()
        .get(Perspective.CUSTOMER)).isEqualTo(new CoverageFigure(0.0, null));
    // It still was a customer dialogue in its week: the manager's cadence counts it.
    assertThat(snapshot.document(AggregateKey.allTime(ScopeKind.MANAGER, "m"), Anonymity.DEFAULT).dialogue())
        .isEqualTo(new Dialogue(List.of("2027-W09"), 1, "2027-W09"));
  }

  @Test
  void a_dialogue_streak_runs_on_across_a_53_week_year() {
    Multiset weeks = Multiset.EMPTY;
    for (String week : List.of("2020-W52", "2020-W53", "2021-W01", "2021-W03")) {
      weeks = weeks.plus(Multiset.of(week));
    }
    assertThat(Dialogue.of(weeks)).isEqualTo(new Dialogue(List.of("2020-W52", "2020-W53", "2021-W01", "2021-W03"), 3,
        "2021-W03"));
  }
}
