package dev.koers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.testkit.history.Expected;
import dev.koers.testkit.history.RandomHistory;
import dev.koers.testkit.history.Shape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over random histories (the test kit's, 300 seeds each, reproducible by seed): whatever is
 * submitted, each decision's log is a gapless hash chain, and replaying it gives the live state (and the views'
 * projector the same status).
 */
class LedgerChainProperties {

  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final int SUBMISSIONS = 40;
  private static final Shape VALID = Shape.realistic(START, 2, 2).withRespondents(4);

  private final HashChain hashChain = new HashChain();

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_valid_history_is_accepted_whole_as_gapless_chains(long seed) {
    Logs logs = new Logs();
    new RandomHistory(seed, VALID, logs).submissions(SUBMISSIONS);

    assertThat(logs.rejections).as("rejections of a valid history").isEmpty();
    assertThat(logs.accepted).isEqualTo(SUBMISSIONS);
    logs.byDecision.values().forEach(this::assertIsAGaplessChain);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void whatever_is_submitted_the_accepted_events_form_gapless_chains(long seed) {
    Logs logs = new Logs();
    new RandomHistory(seed, VALID.withMistakes(40).withEdges(30), logs).submissions(SUBMISSIONS);

    logs.byDecision.values().forEach(this::assertIsAGaplessChain);
  }

  private void assertIsAGaplessChain(Log log) {
    DecisionState replayed = null;
    DecisionView projected = null;
    for (int i = 0; i < log.events.size(); i++) {
      DecisionEvent event = log.events.get(i);
      assertThat(event.getSequence()).isEqualTo(i + 1L);
      assertThat(event.getPreviousHash())
          .isEqualTo(i == 0 ? HashChain.GENESIS : log.events.get(i - 1).getHash());
      assertThat(hashChain.verifies(event)).isTrue();
      replayed = new Evolver().evolve(replayed, event);
      projected = new DecisionProjector().apply(projected, event);
      // The views' status is the ledger's, from the one transition table.
      assertThat(projected.head().status()).isEqualTo(replayed.status());
    }
    assertThat(replayed).isEqualTo(log.state);
  }

  /** The ledger's pure core over every decision of a history, keeping what it appended and answered. */
  private static final class Logs implements RandomHistory.Ledger {
    final LedgerStep step = new LedgerStep(new Decider(Duration.ofMinutes(5)));
    final Map<String, Log> byDecision = new LinkedHashMap<>();
    final List<Outcome> rejections = new ArrayList<>();
    int accepted;

    @Override
    public boolean accepts(Submission submission, Expected expected) {
      Log log = byDecision.computeIfAbsent(submission.getDecisionId(), id -> new Log());
      LedgerStep.Result result = step.handle(log.state, submission, submission.getSubmittedAt(), "e-" + accepted);
      if (result.accepted()) {
        log.events.add(result.event().orElseThrow());
        accepted++;
      } else {
        assertThat(result.newState()).isSameAs(log.state);
        rejections.add(result.outcome());
      }
      log.state = result.newState();
      return result.accepted();
    }
  }

  /** What the ledger appended to one decision, and the state it ended with. */
  private static final class Log {
    final List<DecisionEvent> events = new ArrayList<>();
    DecisionState state;
  }
}
