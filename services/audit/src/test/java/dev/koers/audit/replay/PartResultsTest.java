package dev.koers.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.koers.schema.DecisionEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PartResultsTest {

  @Test
  void everyPartsResultUnderItsNameInThePartsOrderRebuiltAtTheSameTime() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    List<ReplayPart> parts = List.of(new Fixed("first", "one", bothStarted), new Fixed("second", "two", bothStarted));

    PartResults results = PartResults.of(parts);

    assertThat(results.byPart()).containsExactly(Map.entry("first", "one"), Map.entry("second", "two"));
    assertThat(results.timings()).matches("first in \\d+\\.\\d{3} s, second in \\d+\\.\\d{3} s");
  }

  @Test
  void aPartsFailureComesBackAsItself() {
    ReplayPart failing = new Fixed("broken", null, new CountDownLatch(0)) {
      @Override
      public Object result() {
        throw new IllegalStateException("cannot rebuild");
      }
    };

    assertThatThrownBy(() -> PartResults.of(List.of(failing)))
        .isInstanceOf(IllegalStateException.class).hasMessage("cannot rebuild");
  }

  /** A part whose result waits until every part has started: it finishes only when the parts run at once. */
  private static class Fixed implements ReplayPart {
    private final String name;
    private final Object result;
    private final CountDownLatch started;

    Fixed(String name, Object result, CountDownLatch started) {
      this.name = name;
      this.result = result;
      this.started = started;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void accept(DecisionEvent event) {}

    @Override
    public Object result() {
      started.countDown();
      try {
        assertThat(started.await(30, TimeUnit.SECONDS)).as("the other part started too").isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return result;
    }
  }
}
