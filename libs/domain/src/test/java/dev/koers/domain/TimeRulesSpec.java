package dev.koers.domain;

import static dev.koers.domain.Fixtures.NOW;
import static dev.koers.domain.Fixtures.OPENED_AT;
import static dev.koers.domain.Fixtures.SKEW;
import static dev.koers.domain.Fixtures.decide;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.giveFeedback;
import static dev.koers.domain.Fixtures.hear;
import static dev.koers.domain.Fixtures.open;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.withdraw;
import static dev.koers.domain.Request.request;
import static dev.koers.domain.Scenario.given;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.Submission;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The two clocks")
class TimeRulesSpec {

  @Test
  void something_may_occur_up_to_the_allowed_clock_skew_after_now() {
    given().when(request(open()).at(NOW.plus(SKEW))).thenAccepted();
  }

  @Test
  void nothing_occurs_further_in_the_future_than_the_clock_skew() {
    given()
        .when(request(open()).at(NOW.plus(SKEW).plusMillis(1)))
        .thenRejected(Rule.OCCURS_IN_FUTURE)
        .isEqualTo("occurredAt 2026-03-09T12:05:00.001Z is in the future: the log's clock says"
            + " 2026-03-09T12:00:00Z and allows 300 s of clock skew");
  }

  @Test
  void the_future_rule_holds_for_every_command() {
    given(opened()).when(request(decide()).at(NOW.plusSeconds(3600))).thenRejected(Rule.OCCURS_IN_FUTURE);
    given(opened(), decided()).when(request(giveFeedback()).at(NOW.plusSeconds(3600)))
        .thenRejected(Rule.OCCURS_IN_FUTURE);
  }

  @Test
  void a_decider_without_clock_skew_accepts_exactly_now() {
    Decider strict = new Decider(Duration.ZERO);
    Verdict atNow = strict.decide(null, request(open()).at(NOW).toSubmission(), NOW);
    Verdict after = strict.decide(null, request(open()).at(NOW.plusMillis(1)).toSubmission(), NOW);

    assertThat(atNow).isInstanceOf(Verdict.Accept.class);
    assertThat(after).isInstanceOf(Verdict.Reject.class);
  }

  @Test
  void nothing_occurs_before_the_opening() {
    given(opened())
        .when(request(hear(Perspective.CUSTOMER, Depth.CONSULTED)).at(OPENED_AT.minusMillis(1)))
        .thenRejected(Rule.OCCURS_BEFORE_OPENING)
        .isEqualTo("occurredAt 2026-03-02T08:59:59.999Z is before decision d-42 was opened"
            + " (2026-03-02T09:00:00Z)");
    given(opened()).when(request(withdraw()).at(OPENED_AT.minusSeconds(1))).thenRejected(Rule.OCCURS_BEFORE_OPENING);
  }

  @Test
  void something_may_occur_at_the_moment_of_the_opening() {
    given(opened()).when(request(hear(Perspective.CUSTOMER, Depth.CONSULTED)).at(OPENED_AT)).thenAccepted();
  }

  @Test
  void feedback_before_the_opening_names_the_opening() {
    given(opened(), decided())
        .when(request(giveFeedback()).at(OPENED_AT.minusSeconds(1)))
        .thenRejected(Rule.OCCURS_BEFORE_OPENING);
  }

  @Test
  void feedback_may_be_given_at_the_moment_of_the_decision() {
    given(opened(), decided())
        .when(request(giveFeedback()).at(Fixtures.DECIDED_AT))
        .thenAccepted();
  }

  @Test
  void the_occurrence_time_is_required() {
    // Avro's constructors refuse a null instant; a record filled field by field can still lack one.
    Submission withoutTime = request(decide()).toSubmission();
    withoutTime.put("occurredAt", null);

    Verdict verdict = new Decider(SKEW).decide(given(opened()).state(), withoutTime, NOW);

    assertThat(verdict).isEqualTo(new Verdict.Reject(Rule.FIELD_REQUIRED, "occurredAt is required"));
  }
}
