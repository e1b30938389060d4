package dev.koers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.Accepted;
import dev.koers.schema.Outcome;
import dev.koers.schema.Rejected;
import dev.koers.schema.Sha256;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyClaimTest {

  private static final Outcome ACCEPTED = new Outcome("k", "d", Instant.EPOCH,
      new Accepted(1L, "e", new Sha256(new byte[32])));
  private final KeyClaim claim = new KeyClaim("token:m-1", "fp-1", ACCEPTED);

  @Test
  void theOwnerRepeatingItsRequestIsNotRefused() {
    assertThat(claim.refusal("token:m-1", "fp-1", "k")).isEmpty();
  }

  @Test
  void anotherCallerIsRefusedAsInUseWhateverItsRequest() {
    assertThat(claim.refusal("token:m-2", "fp-1", "k")).hasValueSatisfying(
        r -> assertThat(r.rule()).isEqualTo(Rule.IDEMPOTENCY_KEY_IN_USE));
    assertThat(claim.refusal("token:m-2", "fp-2", "k")).hasValueSatisfying(
        r -> assertThat(r.rule()).isEqualTo(Rule.IDEMPOTENCY_KEY_IN_USE));
  }

  @Test
  void theOwnerWithAnotherRequestIsRefusedAsReused() {
    assertThat(claim.refusal("token:m-1", "fp-2", "k")).hasValueSatisfying(r -> {
      assertThat(r.rule()).isEqualTo(Rule.IDEMPOTENCY_KEY_REUSED);
      assertThat(r.message()).contains("'k'");
    });
  }

  @Test
  void onlyAKeyWhoseHolderWasForbiddenYieldsAndOnlyToAnotherCaller() {
    assertThat(claim.yieldsTo("token:m-2")).isFalse();
    assertThat(held(rejected(Rule.DECISION_NOT_FOUND)).yieldsTo("token:m-2")).isFalse();
    assertThat(held(rejected(Rule.TITLE_LENGTH)).yieldsTo("token:m-2")).isFalse();
    assertThat(held(rejected(Rule.NOT_OWNING_MANAGER)).yieldsTo("token:m-2")).isTrue();
    assertThat(held(rejected(Rule.ROLE_NOT_ALLOWED)).yieldsTo("token:m-2")).isTrue();
    assertThat(held(rejected(Rule.RESPONDENT_MISMATCH)).yieldsTo("token:m-2")).isTrue();
    assertThat(held(rejected(Rule.NOT_OWNING_MANAGER)).yieldsTo("token:m-1")).as("its holder repeats").isFalse();
  }

  private static KeyClaim held(Outcome outcome) {
    return new KeyClaim("token:m-1", "fp-1", outcome);
  }

  private static Outcome rejected(Rule rule) {
    return new Outcome("k", "d", Instant.EPOCH, new Rejected(rule.name(), "m", null));
  }
}
