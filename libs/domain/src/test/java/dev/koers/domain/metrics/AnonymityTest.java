package dev.koers.domain.metrics;

import static dev.koers.domain.metrics.GoldenScenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Perspective;
import org.junit.jupiter.api.Test;

/**
 * A score group of fewer than K distinct respondents is withheld everywhere: its count is shown, its means
 * never, so that no single respondent can be singled out.
 *
 * <p>Decision d-1 (POWER) has two CUSTOMER respondents and three ORGANIZATION respondents; d-2 has one
 * CUSTOMER respondent who also answered on d-1.
 */
class AnonymityTest {

  private static final AggregateKey UNIT_ALL = AggregateKey.allTime(ScopeKind.UNIT, "u");
  private static final MetricsSnapshot SNAPSHOT = MetricsReplay.replay(new LogBuilder(t("2027-03-01T08:00"))
      .open("d-1", "u", "m", ActivityGroup.POWER, null, t("2027-03-01T09:00"))
      .decide("d-1", t("2027-03-01T10:00"))
      .feedback("d-1", "c-1", Perspective.CUSTOMER, 5, null, null, 5, t("2027-03-02T09:00"))
      .feedback("d-1", "c-2", Perspective.CUSTOMER, 4, null, null, 4, t("2027-03-02T09:00"))
      .feedback("d-1", "o-1", Perspective.ORGANIZATION, 3, null, null, 3, t("2027-03-02T09:00"))
      .feedback("d-1", "o-2", Perspective.ORGANIZATION, 3, null, null, 3, t("2027-03-02T09:00"))
      .feedback("d-1", "o-3", Perspective.ORGANIZATION, 3, null, null, 3, t("2027-03-02T09:00"))
      .open("d-2", "u", "m", ActivityGroup.CONTENT, null, t("2027-03-01T09:00"))
      .decide("d-2", t("2027-03-01T10:00"))
      .feedback("d-2", "c-1", Perspective.CUSTOMER, 1, null, null, 1, t("2027-03-02T09:00"))
      .events());

  @Test
  void a_group_of_two_is_withheld_with_its_count_and_a_group_of_three_is_shown() {
    Scores scores = SNAPSHOT.document(UNIT_ALL, Anonymity.DEFAULT).scores();

    // CUSTOMER: c-1 (on d-1 and d-2) and c-2: two distinct respondents, three feedbacks
    assertThat(scores.byPerspective().get(Perspective.CUSTOMER))
        .isEqualTo(new ScoreGroup(2, true, null, null, null, null));
    assertThat(scores.byPerspective().get(Perspective.ORGANIZATION))
        .isEqualTo(new ScoreGroup(3, false, 3.0, null, null, 3.0));
  }

  @Test
  void the_threshold_is_configurable() {
    assertThat(SNAPSHOT.document(UNIT_ALL, new Anonymity(2)).scores().byPerspective().get(Perspective.CUSTOMER))
        .isEqualTo(new ScoreGroup(2, false, 3.3333, null, null, 3.3333));
    assertThat(SNAPSHOT.document(UNIT_ALL, new Anonymity(4)).scores().byPerspective().get(Perspective.ORGANIZATION))
        .isEqualTo(new ScoreGroup(3, true, null, null, null, null));
    assertThat(SNAPSHOT.document(UNIT_ALL, new Anonymity(6)).scores().overall())
        .isEqualTo(new ScoreGroup(5, true, null, null, null, null));
    assertThatThrownBy(() -> new Anonymity(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_decisions_own_scores_are_withheld_the_same_way() {
    Scores scores = DecisionMetrics.of(SNAPSHOT.facts().get("d-2")).scores();

    assertThat(scores.overall()).isEqualTo(new ScoreGroup(1, true, null, null, null, null));
    assertThat(scores.byPerspective().get(Perspective.EMPLOYEE)).isEqualTo(new ScoreGroup(0, false, null, null, null,
        null));
  }

  @Test
  void a_perception_gap_with_a_withheld_side_is_null_and_shown_once_both_sides_are_large_enough() {
    // POWER (d-1): CUSTOMER (5 + 4) / 2 = 4.5 from two respondents, ORGANIZATION 3.0 from three
    assertThat(SNAPSHOT.document(UNIT_ALL, Anonymity.DEFAULT).perceptionGap().get(ActivityGroup.POWER)).isNull();
    assertThat(SNAPSHOT.document(UNIT_ALL, new Anonymity(2)).perceptionGap().get(ActivityGroup.POWER))
        .isEqualTo(1.5);
  }

  @Test
  void a_withheld_group_in_json_shows_its_count_and_null_means() {
    String json = StoreJson.text(SNAPSHOT.document(UNIT_ALL, Anonymity.DEFAULT).scores().byPerspective()
        .get(Perspective.CUSTOMER));

    assertThat(json).isEqualTo(
        "{\"respondents\":2,\"withheld\":true,\"clarity\":null,\"speed\":null,\"heard\":null,\"addedValue\":null}");
  }
}
