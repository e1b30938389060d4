package dev.koers.domain;

import static dev.koers.domain.Fixtures.OPENED_AT;
import static dev.koers.domain.Fixtures.OWNER;
import static dev.koers.domain.Fixtures.RECENTLY;
import static dev.koers.domain.Fixtures.UNIT;
import static dev.koers.domain.Fixtures.admin;
import static dev.koers.domain.Fixtures.manager;
import static dev.koers.domain.Fixtures.open;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.stakeholder;
import static dev.koers.domain.Request.request;
import static dev.koers.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.event.DecisionOpened;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Opening a decision")
class OpeningSpec {

  @Test
  void an_opening_becomes_a_DecisionOpened_with_the_same_fields() {
    DecisionState state = given()
        .when(request(open()).at(OPENED_AT))
        .thenEvent(new DecisionOpened("Weekly roster for the night shift",
            "Customers complain about late cleaning", UNIT, OWNER, ActivityGroup.POWER, "roster", null));

    assertThat(state.status()).isEqualTo(DecisionStatus.OPEN);
    assertThat(state.sequence()).isEqualTo(1);
    assertThat(state.openedAt()).isEqualTo(OPENED_AT);
    assertThat(state.decidedAt()).isNull();
    assertThat(state.managerId()).isEqualTo(OWNER);
    assertThat(state.unit()).isEqualTo(UNIT);
  }

  @Test
  void the_decision_id_must_be_new() {
    given(opened())
        .when(open())
        .thenRejected(Rule.DECISION_ALREADY_EXISTS)
        .contains("d-42 already exists");
  }

  @Test
  void a_back_dated_opening_is_fine() {
    given().when(request(open()).at(OPENED_AT.minus(Duration.ofDays(365)))).thenAccepted();
  }

  @Test
  void a_title_of_200_characters_is_accepted() {
    given().when(open(c -> c.setTitle("t".repeat(200)))).thenAccepted();
  }

  @Test
  void a_title_of_201_characters_is_rejected() {
    given()
        .when(open(c -> c.setTitle("t".repeat(201))))
        .thenRejected(Rule.TITLE_LENGTH)
        .isEqualTo("title must be 1..200 characters after trimming; it has 201");
  }

  @Test
  void a_blank_title_is_rejected() {
    given().when(open(c -> c.setTitle("   "))).thenRejected(Rule.TITLE_LENGTH).contains("it has 0");
  }

  @Test
  void the_title_is_measured_and_stored_trimmed() {
    DecisionOpened expected = (DecisionOpened) opened(e -> e.setTitle("t".repeat(200))).payload();

    given().when(open(c -> c.setTitle("  " + "t".repeat(200) + "\n"))).thenEvent(expected);
  }

  @Test
  void the_title_counts_characters_not_utf16_units() {
    given().when(open(c -> c.setTitle("\uD83D\uDE80".repeat(200)))).thenAccepted();
  }

  @Test
  void the_unit_is_required() {
    given().when(open(c -> c.setUnit(" "))).thenRejected(Rule.FIELD_REQUIRED).contains("unit");
  }

  @Test
  void the_manager_is_required() {
    given()
        .when(request(open(c -> c.setManagerId(""))).by(admin()))
        .thenRejected(Rule.FIELD_REQUIRED)
        .contains("managerId");
  }

  @Test
  void the_activity_group_is_required() {
    given().when(open(c -> c.setActivityGroup(null))).thenRejected(Rule.FIELD_REQUIRED).contains("activityGroup");
  }

  @Test
  void context_and_activity_code_are_optional() {
    given().when(open(c -> {
      c.setContext(null);
      c.setActivity(null);
    })).thenAccepted();
  }

  @ParameterizedTest
  @ValueSource(strings = {"d 42", "d/42", "", "ä-1"})
  void a_decision_id_outside_the_allowed_characters_is_rejected(String id) {
    given().when(request(open()).on(id)).thenRejected(Rule.DECISION_ID_INVALID).contains("1..64 characters");
  }

  @Test
  void a_decision_id_of_64_characters_is_accepted_and_65_rejected() {
    given().when(request(open()).on("a".repeat(64))).thenAccepted();
    given().when(request(open()).on("a".repeat(65))).thenRejected(Rule.DECISION_ID_INVALID);
  }

  @Test
  void a_due_date_equal_to_the_opening_is_accepted() {
    DecisionState state = given()
        .when(request(open(c -> c.setDueBy(RECENTLY))).at(RECENTLY))
        .thenAccepted();

    assertThat(state.dueBy()).isEqualTo(RECENTLY);
  }

  @Test
  void a_due_date_before_the_opening_is_rejected() {
    given()
        .when(request(open(c -> c.setDueBy(RECENTLY.minusMillis(1)))).at(RECENTLY))
        .thenRejected(Rule.DUE_BEFORE_OPENING)
        .contains("before the opening");
  }

  @Test
  void a_context_of_10000_characters_is_accepted_and_10001_rejected() {
    given().when(open(c -> c.setContext("x".repeat(10_000)))).thenAccepted();
    given()
        .when(open(c -> c.setContext("x".repeat(10_001))))
        .thenRejected(Rule.TEXT_TOO_LONG)
        .isEqualTo("context must be at most 10000 characters; it has 10001");
  }

  @Test
  void an_activity_code_longer_than_200_characters_is_rejected() {
    given().when(open(c -> c.setActivity("a".repeat(201)))).thenRejected(Rule.TEXT_TOO_LONG).contains("activity");
  }

  @Test
  void a_manager_opens_decisions_for_themself() {
    given().when(request(open()).by(manager(OWNER))).thenAccepted();
  }

  @Test
  void a_manager_cannot_open_a_decision_for_another_manager() {
    given()
        .when(request(open()).by(manager("m-2")))
        .thenRejected(Rule.NOT_OWNING_MANAGER)
        .contains("managerId 'm-1' is not your id 'm-2'");
  }

  @Test
  void an_administrator_opens_a_decision_for_any_manager() {
    given().when(request(open()).by(admin())).thenAccepted();
  }

  @Test
  void a_stakeholder_cannot_open_a_decision() {
    given().when(request(open()).by(stakeholder("r-1"))).thenRejected(Rule.ROLE_NOT_ALLOWED);
  }

  @Test
  void an_expected_sequence_of_0_fits_a_new_decision() {
    given().when(request(open()).expecting(0)).thenAccepted();
  }

  @Test
  void any_other_expected_sequence_is_stale_for_a_new_decision() {
    given()
        .when(request(open()).expecting(3))
        .thenRejected(Rule.STALE_SEQUENCE)
        .contains("does not exist yet");
  }

  @Test
  void the_due_date_is_kept_at_the_logs_millisecond_precision() {
    Instant due = Instant.parse("2026-04-01T00:00:00.123456789Z");
    DecisionState state = given().when(open(c -> c.setDueBy(due))).thenAccepted();

    assertThat(state.dueBy()).isEqualTo(Instant.parse("2026-04-01T00:00:00.123Z"));
  }
}
