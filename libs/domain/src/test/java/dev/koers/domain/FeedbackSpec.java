package dev.koers.domain;

import static dev.koers.domain.Fixtures.DECIDED_AT;
import static dev.koers.domain.Fixtures.RESPONDENT;
import static dev.koers.domain.Fixtures.admin;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.feedbackGiven;
import static dev.koers.domain.Fixtures.giveFeedback;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.owner;
import static dev.koers.domain.Fixtures.stakeholder;
import static dev.koers.domain.Fixtures.withdrawn;
import static dev.koers.domain.Request.request;
import static dev.koers.domain.Scenario.given;

import dev.koers.schema.Perspective;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.event.FeedbackGiven;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Giving feedback")
class FeedbackSpec {

  @Test
  void feedback_on_a_made_decision_becomes_a_FeedbackGiven() {
    given(opened(), decided())
        .when(giveFeedback())
        .thenEvent(new FeedbackGiven(Perspective.CUSTOMER, RESPONDENT, null, 4, 5, 3, 4, "Clear and quick"));
  }

  @Test
  void a_respondent_gives_feedback_again_and_the_log_keeps_both() {
    given(opened(), decided(), feedbackGiven()).when(giveFeedback(c -> c.setClarity(2))).thenAccepted();
  }

  @Test
  void an_open_decision_gets_no_feedback_yet() {
    given(opened())
        .when(giveFeedback())
        .thenRejected(Rule.DECISION_NOT_DECIDED)
        .isEqualTo("decision d-42 is OPEN; feedback can only be given once it is DECIDED");
  }

  @Test
  void a_withdrawn_decision_gets_no_feedback() {
    given(opened(), withdrawn())
        .when(giveFeedback())
        .thenRejected(Rule.DECISION_NOT_DECIDED)
        .isEqualTo("decision d-42 is WITHDRAWN; feedback can only be given once it is DECIDED");
  }

  @Test
  void no_feedback_predates_the_decision() {
    given(opened(), decided())
        .when(request(giveFeedback()).at(DECIDED_AT.minusMillis(1)))
        .thenRejected(Rule.OCCURS_BEFORE_DECISION);
  }

  static Stream<Arguments> ratings() {
    return Stream.of(
        Arguments.of("clarity", (BiConsumer<GiveFeedback, Integer>) GiveFeedback::setClarity),
        Arguments.of("speed", (BiConsumer<GiveFeedback, Integer>) GiveFeedback::setSpeed),
        Arguments.of("heard", (BiConsumer<GiveFeedback, Integer>) GiveFeedback::setHeard),
        Arguments.of("addedValue", (BiConsumer<GiveFeedback, Integer>) GiveFeedback::setAddedValue));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ratings")
  void a_rating_of_0_or_6_is_rejected(String rating, BiConsumer<GiveFeedback, Integer> set) {
    given(opened(), decided())
        .when(giveFeedback(c -> set.accept(c, 0)))
        .thenRejected(Rule.RATING_OUT_OF_RANGE)
        .isEqualTo(rating + " must be a whole number from 1 to 5; it is 0");
    given(opened(), decided())
        .when(giveFeedback(c -> set.accept(c, 6)))
        .thenRejected(Rule.RATING_OUT_OF_RANGE)
        .contains(rating);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ratings")
  void ratings_of_1_and_5_are_accepted(String rating, BiConsumer<GiveFeedback, Integer> set) {
    given(opened(), decided()).when(giveFeedback(c -> set.accept(c, 1))).thenAccepted();
    given(opened(), decided()).when(giveFeedback(c -> set.accept(c, 5))).thenAccepted();
  }

  @Test
  void feedback_without_any_rating_is_rejected() {
    given(opened(), decided())
        .when(giveFeedback(c -> {
          c.setClarity(null);
          c.setSpeed(null);
          c.setHeard(null);
          c.setAddedValue(null);
        }))
        .thenRejected(Rule.FEEDBACK_WITHOUT_RATING)
        .contains("at least one rating");
  }

  @Test
  void one_rating_is_enough() {
    given(opened(), decided())
        .when(giveFeedback(c -> {
          c.setClarity(null);
          c.setSpeed(null);
          c.setHeard(null);
          c.setComment(null);
        }))
        .thenAccepted();
  }

  @Test
  void perspective_OTHER_needs_a_label_in_feedback_too() {
    given(opened(), decided())
        .when(giveFeedback(c -> c.setPerspective(Perspective.OTHER)))
        .thenRejected(Rule.LABEL_REQUIRED);
    given(opened(), decided())
        .when(giveFeedback(c -> {
          c.setPerspective(Perspective.OTHER);
          c.setLabel("supplier");
        }))
        .thenAccepted();
  }

  @Test
  void a_comment_longer_than_10000_characters_is_rejected() {
    given(opened(), decided()).when(giveFeedback(c -> c.setComment("c".repeat(10_001))))
        .thenRejected(Rule.TEXT_TOO_LONG).contains("comment");
  }

  @Test
  void a_manager_does_not_give_feedback() {
    given(opened(), decided())
        .when(request(giveFeedback()).by(owner()))
        .thenRejected(Rule.ROLE_NOT_ALLOWED)
        .contains("not by a MANAGER");
  }

  @Test
  void a_stakeholder_gives_feedback_only_as_themself() {
    given(opened(), decided())
        .when(request(giveFeedback()).by(stakeholder("r-8")))
        .thenRejected(Rule.RESPONDENT_MISMATCH)
        .isEqualTo("a stakeholder gives feedback only as themself: respondentId 'r-7' is not your id 'r-8'");
  }

  @Test
  void an_administrator_records_feedback_on_behalf_of_a_respondent() {
    given(opened(), decided()).when(request(giveFeedback()).by(admin())).thenAccepted();
  }

  @Test
  void the_respondent_is_required() {
    given(opened(), decided())
        .when(request(giveFeedback(c -> c.setRespondentId(" "))).by(admin()))
        .thenRejected(Rule.FIELD_REQUIRED)
        .contains("respondentId");
  }
}
