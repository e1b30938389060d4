package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bounded wait for a view to reach the sequence a command answered, and the checks of the asked value. */
class SequenceWaitTest {

  private final SequenceWait wait = new SequenceWait(Duration.ofSeconds(30));

  /** A view that folds one more event each time it is read, up to {@code last}. */
  private static Supplier<Optional<Long>> catchingUp(long last) {
    AtomicInteger reads = new AtomicInteger();
    return () -> Optional.of(Math.min(reads.incrementAndGet(), last));
  }

  @Test
  void withoutAMinimumTheViewIsReadOnceAsItIs() {
    AtomicInteger reads = new AtomicInteger();
    Optional<Long> seen = wait.read("d-1", OptionalLong.empty(), () -> {
      reads.incrementAndGet();
      return Optional.of(1L);
    }, s -> s);
    assertThat(seen).hasValue(1L);
    assertThat(reads).hasValue(1);
  }

  @Test
  void aStaleViewIsReadAgainUntilItHasTheAskedSequence() {
    assertThat(wait.read("d-1", OptionalLong.of(4), catchingUp(9), s -> s)).hasValue(4L);
  }

  @Test
  void aDecisionNotInTheViewYetIsWaitedForWhenASequenceIsAsked() {
    AtomicInteger reads = new AtomicInteger();
    Supplier<Optional<Long>> appearing = () -> reads.incrementAndGet() < 3 ? Optional.empty() : Optional.of(1L);
    assertThat(wait.read("d-1", OptionalLong.of(1), appearing, s -> s)).hasValue(1L);
  }

  @Test
  void aViewAlreadyPastTheAskedSequenceAnswersAtOnce() {
    AtomicInteger reads = new AtomicInteger();
    assertThat(wait.read("d-1", OptionalLong.of(2), () -> {
      reads.incrementAndGet();
      return Optional.of(5L);
    }, s -> s)).hasValue(5L);
    assertThat(reads).hasValue(1);
  }

  @Test
  void aQuarantinedOrUnavailableViewIsNotWaitedOn() {
    AtomicInteger reads = new AtomicInteger();
    Supplier<Optional<Long>> setAside = () -> {
      reads.incrementAndGet();
      throw new ProblemException(Problem.quarantined("set aside"));
    };
    assertThatThrownBy(() -> wait.read("d-1", OptionalLong.of(3), setAside, s -> s)).isInstanceOf(ProblemException.class).hasMessage("set aside");
    assertThat(reads).hasValue(1);
  }

  @Tag("attack")
  @Test
  void pastTheBoundTheAnswerIsA503NamingWhatWasAwaited() {
    SequenceWait brief = new SequenceWait(Duration.ofMillis(50));
    assertThatThrownBy(() -> brief.read("decision 'd-1'", OptionalLong.of(Long.MAX_VALUE), catchingUp(7), s -> s))
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.problem().status()).isEqualTo(503);
          assertThat(e.retryAfterSeconds()).isEqualTo(1);
          assertThat(e.problem().detail()).contains("decision 'd-1'", "sequence " + Long.MAX_VALUE,
              "the view holds sequence");
        });
  }

  @Test
  void aZeroBoundReadsOnceAndAnswers503WhenStale() {
    SequenceWait none = new SequenceWait(Duration.ZERO);
    assertThatThrownBy(() -> none.read("d-1", OptionalLong.of(2), () -> Optional.<Long>empty(), s -> s))
        .isInstanceOfSatisfying(ProblemException.class,
            e -> assertThat(e.problem().detail()).contains("the view holds nothing of it yet"));
  }

  @Test
  void aNegativeBoundIsRefused() {
    assertThatThrownBy(() -> new SequenceWait(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAskedSequenceIsAWholeNumber() {
    assertThat(MinSequence.parse("minSequence", null)).isEmpty();
    assertThat(MinSequence.parse("minSequence", "0")).hasValue(0);
    assertThat(MinSequence.parse("minSequence", "42")).hasValue(42);
    assertThat(MinSequence.parse("minSequence", Long.toString(Long.MAX_VALUE))).hasValue(Long.MAX_VALUE);
  }

  @Tag("attack")
  @ParameterizedTest
  @ValueSource(strings = {"-1", "99999999999999999999", "abc", "", " 1", "1.0", "0x10"})
  void aBadAskedSequenceIsA400NamingTheParameter(String text) {
    assertThatThrownBy(() -> MinSequence.parse("minSequence", text))
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.problem().status()).isEqualTo(400);
          assertThat(e.problem().field()).isEqualTo("minSequence");
        });
  }

  @Tag("attack")
  @Test
  void readsBeyondTheWaitingLimitAreToldAtOnceToAskAgainWhileFreshReadsStillAnswer() throws Exception {
    SequenceWait one = new SequenceWait(Duration.ofSeconds(30), 1);
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch written = new CountDownLatch(1);
    AtomicInteger firstReads = new AtomicInteger();
    Supplier<Optional<Long>> slow = () -> {
      if (firstReads.incrementAndGet() > 1) {
        waiting.countDown(); // read again: it holds the slot
      }
      return Optional.of(written.getCount() == 0 ? 2L : 1L);
    };
    CompletableFuture<Optional<Long>> first =
        CompletableFuture.supplyAsync(() -> one.read("decision 'd-1'", OptionalLong.of(2), slow, s -> s));
    assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

    AtomicInteger reads = new AtomicInteger();
    assertThatThrownBy(() -> one.read("decision 'd-2'", OptionalLong.of(5), () -> {
      reads.incrementAndGet();
      return Optional.of(4L);
    }, s -> s)).isInstanceOfSatisfying(ProblemException.class, e -> {
      assertThat(e.problem().status()).isEqualTo(503);
      assertThat(e.retryAfterSeconds()).isEqualTo(1);
      assertThat(e.problem().detail()).contains("too many reads are waiting", "decision 'd-2'", "sequence 5");
    });
    assertThat(reads).as("refused after one look, without waiting").hasValue(1);
    assertThat(one.read("d-3", OptionalLong.empty(), () -> Optional.of(1L), s -> s)).hasValue(1L);
    assertThat(one.read("d-4", OptionalLong.of(3), () -> Optional.of(3L), s -> s)).hasValue(3L);

    written.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).hasValue(2L);
    assertThat(one.read("d-2", OptionalLong.of(5), catchingUp(5), s -> s)).as("the slot is given back").hasValue(5L);
  }

  @Test
  void aWaitingLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> new SequenceWait(Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
