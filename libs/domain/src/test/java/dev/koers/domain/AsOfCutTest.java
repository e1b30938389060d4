package dev.koers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The as-of cut that the API's as-of query and the audit's replay share. */
class AsOfCutTest {

  private static final Instant T = Instant.parse("2026-03-04T12:00:00Z");

  @Test
  void an_event_recorded_at_or_before_the_moment_was_known() {
    AsOfCut cut = new AsOfCut(T);

    assertThat(cut.knew(T.minusMillis(1))).isTrue();
    assertThat(cut.knew(T)).isTrue();
    assertThat(cut.knew(T.plusMillis(1))).isFalse();
    assertThat(AsOfCut.NONE.knew(Instant.MAX)).isTrue();
  }

  @Test
  void the_cut_is_a_prefix_even_when_the_clock_stepped_back() {
    List<DecisionEvent> log = Scenario.given(Fixtures.opened(), Fixtures.heard(Perspective.CUSTOMER, Depth.DIALOGUE), Fixtures.decided()).events();
    log.get(0).setRecordedAt(T.minusSeconds(60));
    log.get(1).setRecordedAt(T.plusSeconds(1));
    log.get(2).setRecordedAt(T.minusSeconds(30));

    assertThat(new AsOfCut(T).of(log)).containsExactly(log.get(0));
    assertThat(new AsOfCut(T.plusSeconds(1)).of(log)).containsExactlyElementsOf(log);
    assertThat(AsOfCut.NONE.of(log)).containsExactlyElementsOf(log);
    assertThat(new AsOfCut(T.minusSeconds(61)).of(log)).isEmpty();
  }
}
