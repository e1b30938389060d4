package dev.koers.domain;

import static dev.koers.domain.Fixtures.auditor;
import static dev.koers.domain.Fixtures.communicate;
import static dev.koers.domain.Fixtures.decide;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.giveFeedback;
import static dev.koers.domain.Fixtures.hear;
import static dev.koers.domain.Fixtures.open;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Fixtures.revise;
import static dev.koers.domain.Fixtures.viewer;
import static dev.koers.domain.Fixtures.withdraw;
import static dev.koers.domain.Request.request;
import static dev.koers.domain.Scenario.given;

import dev.koers.schema.Actor;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Who may submit what")
class AuthorizationSpec {

  static Stream<SpecificRecord> everyCommandOnAnOpenDecision() {
    return Stream.of(hear(Perspective.CUSTOMER, Depth.INFORMED), decide(), withdraw());
  }

  static Stream<SpecificRecord> everyCommandOnADecidedDecision() {
    return Stream.of(communicate(Perspective.CUSTOMER), revise(), giveFeedback());
  }

  @ParameterizedTest
  @MethodSource("everyCommandOnAnOpenDecision")
  void auditors_and_viewers_never_write_to_an_open_decision(SpecificRecord command) {
    given(opened()).when(request(command).by(auditor())).thenRejected(Rule.ROLE_NOT_ALLOWED)
        .isEqualTo("an AUDITOR can read decisions but never change them");
    given(opened()).when(request(command).by(viewer())).thenRejected(Rule.ROLE_NOT_ALLOWED);
  }

  @ParameterizedTest
  @MethodSource("everyCommandOnADecidedDecision")
  void auditors_and_viewers_never_write_to_a_decided_decision(SpecificRecord command) {
    given(opened(), decided()).when(request(command).by(auditor())).thenRejected(Rule.ROLE_NOT_ALLOWED);
    given(opened(), decided()).when(request(command).by(viewer())).thenRejected(Rule.ROLE_NOT_ALLOWED);
  }

  @Test
  void auditors_and_viewers_never_open_a_decision() {
    given().when(request(open()).by(auditor())).thenRejected(Rule.ROLE_NOT_ALLOWED);
    given().when(request(open()).by(viewer())).thenRejected(Rule.ROLE_NOT_ALLOWED);
  }

  @Test
  void a_submission_without_an_actor_is_rejected() {
    given(opened()).when(request(decide()).by(null)).thenRejected(Rule.ROLE_NOT_ALLOWED).contains("no actor");
    given(opened()).when(request(decide()).by(new Actor("x", null))).thenRejected(Rule.ROLE_NOT_ALLOWED);
  }
}
