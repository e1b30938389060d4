package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamSlotsTest {

  @Test
  void aSubjectGetsNoMoreThanItsShare() {
    StreamSlots slots = new StreamSlots(new StreamLimits(10, 2, 1));
    assertThat(slots.take("anna")).isEmpty();
    assertThat(slots.take("anna")).isEmpty();
    assertThat(slots.take("anna")).contains(StreamSlots.Refusal.SUBJECT);
    assertThat(slots.take("ben")).isEmpty();
    assertThat(slots.open()).isEqualTo(3);
  }

  @Test
  void theInstanceLimitHoldsAcrossSubjects() {
    StreamSlots slots = new StreamSlots(new StreamLimits(2, 2, 1));
    slots.take("anna");
    slots.take("ben");
    assertThat(slots.refusal("cleo")).contains(StreamSlots.Refusal.INSTANCE);
    assertThat(slots.take("cleo")).contains(StreamSlots.Refusal.INSTANCE);
    assertThat(slots.open()).isEqualTo(2);
  }

  @Test
  void aReleasedSlotCanBeTakenAgain() {
    StreamSlots slots = new StreamSlots(new StreamLimits(1, 1, 1));
    slots.take("anna");
    slots.release("anna");
    assertThat(slots.open()).isZero();
    assertThat(slots.take("ben")).isEmpty();
  }

  @Test
  void limitsBelowOneAreRefusedNamingTheLimit() {
    assertThatThrownBy(() -> new StreamLimits(1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("per token subject");
    assertThatThrownBy(() -> new StreamLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("buffer");
  }
}
