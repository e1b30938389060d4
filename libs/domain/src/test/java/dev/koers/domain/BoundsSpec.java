package dev.koers.domain;

import static dev.koers.domain.Fixtures.NOW;
import static dev.koers.domain.Fixtures.communicate;
import static dev.koers.domain.Fixtures.decide;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.giveFeedback;
import static dev.koers.domain.Fixtures.hear;
import static dev.koers.domain.Fixtures.open;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.revise;
import static dev.koers.domain.Fixtures.withdraw;
import static dev.koers.domain.Request.request;
import static dev.koers.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.Actor;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Bounds: what every reader of the log can fold")
class BoundsSpec {

  private static final String ESC = "\u001B";

  @Test
  void an_opening_at_the_earliest_instant_is_accepted_and_a_millisecond_before_rejected() {
    given().when(request(open()).at(InputBounds.EARLIEST)).thenAccepted();
    given()
        .when(request(open()).at(InputBounds.EARLIEST.minusMillis(1)))
        .thenRejected(Rule.INSTANT_OUT_OF_RANGE)
        .contains("occurredAt", "1970-01-01T00:00:00Z", "9999-12-30T23:59:59.999Z");
  }

  @Test
  void year_0_in_utc_is_rejected_before_any_time_rule() {
    Instant yearZero = OffsetDateTime.parse("0001-01-01T00:00:00+01:00").toInstant();

    given().when(request(open()).at(yearZero)).thenRejected(Rule.INSTANT_OUT_OF_RANGE);
    given(opened()).when(request(hear(c -> {})).at(yearZero)).thenRejected(Rule.INSTANT_OUT_OF_RANGE);
  }

  @Test
  void a_due_date_at_the_latest_instant_is_accepted_and_a_millisecond_after_rejected() {
    given().when(open(c -> c.setDueBy(InputBounds.LATEST))).thenAccepted();
    given()
        .when(open(c -> c.setDueBy(InputBounds.LATEST.plusMillis(1))))
        .thenRejected(Rule.INSTANT_OUT_OF_RANGE)
        .startsWith("dueBy 9999-12-31T00:00:00Z is outside");
  }

  @Test
  void a_due_date_far_beyond_any_timestamp_millis_is_a_named_rejection() {
    given().when(open(c -> c.setDueBy(Instant.MAX))).thenRejected(Rule.INSTANT_OUT_OF_RANGE);
    given().when(open(c -> c.setDueBy(Instant.MIN))).thenRejected(Rule.INSTANT_OUT_OF_RANGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void the_dot_segments_are_no_decision_ids(String id) {
    given().when(request(open()).on(id)).thenRejected(Rule.DECISION_ID_INVALID).contains("not '.' or '..'");
  }

  @Test
  void dots_within_an_id_are_fine() {
    given().when(request(open()).on("...a.b")).thenAccepted();
  }

  @Test
  void the_rejection_shows_a_hostile_decision_id_escaped_and_cut_short() {
    given()
        .when(request(open()).on("d" + ESC + "[2J" + "x".repeat(500)))
        .thenRejected(Rule.DECISION_ID_INVALID)
        .contains("'d\\u001B[2J")
        .doesNotContain(ESC)
        .hasSizeLessThan(300);
  }

  @Test
  void an_authorization_message_shows_a_hostile_id_escaped() {
    given()
        .when(request(open(c -> c.setManagerId("m-1" + ESC + "[2J"))).by(Fixtures.manager("m-2" + "\u202E")))
        .thenRejected(Rule.NOT_OWNING_MANAGER)
        .isEqualTo("a manager opens decisions only for themself: managerId 'm-1\\u001B[2J' is not your id "
            + "'m-2\\u202E'");
    given(opened()).when(request(decide()).by(Fixtures.manager("x" + ESC))).thenRejected(Rule.NOT_OWNING_MANAGER)
        .endsWith("you are manager x\\u001B");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\u001B", "\r", "\n", "\t", "\u007F", "\u0085", "\u009B", "\u202A", "\u202E",
      "\u2066", "\u2069", "\uD800", "\uDC00"})
  void a_single_line_field_refuses_control_bidi_and_unpaired_surrogate_characters(String bad) {
    given().when(open(c -> c.setTitle("Roster" + bad + "night"))).thenRejected(Rule.CHARACTER_NOT_ALLOWED)
        .startsWith("title must not hold U+").contains("at character 7");
    given().when(open(c -> c.setUnit("north" + bad))).thenRejected(Rule.CHARACTER_NOT_ALLOWED).startsWith("unit");
    given().when(request(open(c -> c.setManagerId("m-1" + bad))).by(Fixtures.admin()))
        .thenRejected(Rule.CHARACTER_NOT_ALLOWED).startsWith("managerId");
    given().when(open(c -> c.setActivity(bad))).thenRejected(Rule.CHARACTER_NOT_ALLOWED).startsWith("activity");
    given(opened()).when(hear(c -> c.setLabel("suppliers" + bad))).thenRejected(Rule.CHARACTER_NOT_ALLOWED)
        .startsWith("label");
    given(opened(), decided()).when(communicate(c -> c.setChannel(bad + "email")))
        .thenRejected(Rule.CHARACTER_NOT_ALLOWED).startsWith("channel");
    given(opened(), decided())
        .when(request(giveFeedback(c -> c.setRespondentId("r-7" + bad))).by(Fixtures.admin()))
        .thenRejected(Rule.CHARACTER_NOT_ALLOWED).startsWith("respondentId");
  }

  @Test
  void the_title_is_checked_as_stored_trimmed() {
    given().when(open(c -> c.setTitle("\n Roster \r\n"))).thenAccepted();
  }

  @Test
  void free_text_keeps_tabs_and_line_breaks_and_bidi_marks() {
    String prose = "Line one\nLine two\r\n\tindented \u202Bעברית\u202C";
    given().when(open(c -> c.setContext(prose))).thenAccepted();
    given(opened()).when(hear(c -> c.setSummary(prose))).thenAccepted();
    given(opened()).when(decide(c -> c.setRationale(prose))).thenAccepted();
    given(opened(), decided()).when(giveFeedback(c -> c.setComment(prose))).thenAccepted();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\u001B", "\r", "\u007F", "\u0085", "\uDBFF"})
  void free_text_refuses_every_other_control_character(String bad) {
    given().when(open(c -> c.setContext("a" + bad + "b"))).thenRejected(Rule.CHARACTER_NOT_ALLOWED)
        .startsWith("context must not hold").contains("free text");
    given(opened()).when(hear(c -> c.setSummary("x" + bad))).thenRejected(Rule.CHARACTER_NOT_ALLOWED);
    given(opened()).when(decide(c -> c.setOutcome("yes" + bad))).thenRejected(Rule.CHARACTER_NOT_ALLOWED);
    given(opened()).when(withdraw(c -> c.setReason(bad + "gone"))).thenRejected(Rule.CHARACTER_NOT_ALLOWED);
    given(opened(), decided()).when(revise(c -> c.setReason("x" + bad))).thenRejected(Rule.CHARACTER_NOT_ALLOWED);
    given(opened(), decided()).when(giveFeedback(c -> c.setComment("x" + bad))).thenRejected(Rule.CHARACTER_NOT_ALLOWED);
  }

  @Test
  void a_character_outside_the_basic_plane_is_one_character_and_fine() {
    given().when(open(c -> c.setUnit("\uD83D\uDE80".repeat(InputBounds.NAME_MAX)))).thenAccepted();
    given().when(open(c -> c.setUnit("\uD83D\uDE80".repeat(InputBounds.NAME_MAX + 1))))
        .thenRejected(Rule.TEXT_TOO_LONG).isEqualTo("unit must be at most 200 characters; it has 201");
  }

  @Test
  void every_name_has_its_maximum_length() {
    String longest = "n".repeat(InputBounds.NAME_MAX);
    String tooLong = longest + "n";
    given().when(open(c -> c.setUnit(longest))).thenAccepted();
    given().when(open(c -> c.setUnit(tooLong))).thenRejected(Rule.TEXT_TOO_LONG).startsWith("unit");
    given().when(request(open(c -> c.setManagerId(tooLong))).by(Fixtures.admin()))
        .thenRejected(Rule.TEXT_TOO_LONG).startsWith("managerId");
    given(opened(), decided()).when(communicate(c -> c.setChannel(tooLong)))
        .thenRejected(Rule.TEXT_TOO_LONG).startsWith("channel");
    given(opened(), decided())
        .when(request(giveFeedback(c -> c.setRespondentId(tooLong))).by(Fixtures.admin()))
        .thenRejected(Rule.TEXT_TOO_LONG).startsWith("respondentId");
  }

  @Test
  void every_prose_field_has_its_maximum_length() {
    String tooLong = "p".repeat(InputBounds.TEXT_MAX + 1);
    given(opened()).when(decide(c -> c.setOutcome(tooLong))).thenRejected(Rule.TEXT_TOO_LONG).startsWith("outcome");
    given(opened()).when(decide(c -> c.setRationale(tooLong))).thenRejected(Rule.TEXT_TOO_LONG)
        .startsWith("rationale");
    given(opened(), decided()).when(revise(c -> c.setOutcome(tooLong))).thenRejected(Rule.TEXT_TOO_LONG);
    given(opened()).when(withdraw(c -> c.setReason(tooLong))).thenRejected(Rule.TEXT_TOO_LONG).startsWith("reason");
  }

  @Test
  void the_submission_id_has_at_most_128_characters_of_one_line() {
    given().when(request(open()).withSubmissionId("s".repeat(128))).thenAccepted();
    given().when(request(open()).withSubmissionId("s".repeat(129))).thenRejected(Rule.TEXT_TOO_LONG)
        .startsWith("submissionId must be at most 128");
    given().when(request(open()).withSubmissionId("s\n1")).thenRejected(Rule.CHARACTER_NOT_ALLOWED)
        .startsWith("submissionId");
  }

  @Test
  void the_actors_id_is_a_name_too() {
    given().when(request(open()).by(new Actor("admin" + ESC, Role.ADMIN))).thenRejected(Rule.CHARACTER_NOT_ALLOWED)
        .startsWith("actor.id");
    given().when(request(open()).by(new Actor("a".repeat(201), Role.ADMIN))).thenRejected(Rule.TEXT_TOO_LONG)
        .startsWith("actor.id");
  }

  @Test
  void a_label_for_OTHER_with_a_bidi_override_is_refused() {
    given(opened()).when(hear(c -> {
      c.setPerspective(Perspective.OTHER);
      c.setLabel("\u202Esreilppus");
    })).thenRejected(Rule.CHARACTER_NOT_ALLOWED).contains("U+202E");
  }

  @Test
  void the_edge_gets_the_field_a_rule_names() {
    var violation = InputBounds.instant("dueBy", NOW.plusSeconds(400L * 365 * 24 * 3600 * 25));
    assertThat(violation).hasValueSatisfying(v -> {
      assertThat(v.rule()).isEqualTo(Rule.INSTANT_OUT_OF_RANGE);
      assertThat(v.field()).isEqualTo("dueBy");
    });
  }
}
