package dev.koers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.domain.view.DecisionProjector;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Submission;
import dev.koers.schema.command.GiveFeedback;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over random histories (300 seeds each, reproducible by seed): whatever is submitted, the log
 * is a gapless hash chain, and replaying it gives the live state (and the views' projector the same status).
 */
class LedgerChainProperties {

  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

  private final LedgerStep step = new LedgerStep(new Decider(Duration.ofMinutes(5)));
  private final HashChain hashChain = new HashChain();

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_valid_history_is_accepted_whole_as_a_gapless_chain(long seed) {
    RandomHistories random = new RandomHistories(seed);
    List<SpecificRecord> commands = random.valid();

    Log log = submitAll(commands, random);

    assertThat(log.rejections).as("rejections of a valid history").isEmpty();
    assertThat(log.events).hasSize(commands.size() + 1);
    assertIsAGaplessChain(log);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void whatever_is_submitted_the_accepted_events_form_a_gapless_chain(long seed) {
    RandomHistories random = new RandomHistories(seed);

    assertIsAGaplessChain(submitAll(random.any(), random));
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

  /** Opens d-42 first, then submits each command a random while after the one before. */
  private Log submitAll(List<SpecificRecord> commands, RandomHistories random) {
    Log log = new Log();
    List<SpecificRecord> all = new ArrayList<>();
    all.add(Fixtures.open());
    all.addAll(commands);
    Instant occurredAt = START;
    for (int i = 0; i < all.size(); i++) {
      occurredAt = occurredAt.plus(random.gap());
      Submission submission = Request.request(all.get(i)).by(actorFor(all.get(i))).at(occurredAt).toSubmission();
      LedgerStep.Result result = step.handle(log.state, submission, occurredAt.plusSeconds(1), "e-" + i);
      if (result.accepted()) {
        log.events.add(result.event().orElseThrow());
      } else {
        assertThat(result.newState()).isSameAs(log.state);
        log.rejections.add(result.outcome());
      }
      log.state = result.newState();
    }
    return log;
  }

  private static Actor actorFor(SpecificRecord command) {
    return command instanceof GiveFeedback feedback
        ? Fixtures.stakeholder(feedback.getRespondentId())
        : Fixtures.owner();
  }

  /** What the ledger appended and answered, and the state it ended with. */
  private static final class Log {
    final List<DecisionEvent> events = new ArrayList<>();
    final List<Outcome> rejections = new ArrayList<>();
    DecisionState state;
  }
}
