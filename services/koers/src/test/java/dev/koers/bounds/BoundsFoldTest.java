package dev.koers.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.domain.InputBounds;
import dev.koers.domain.Rule;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Rejected;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.OpenDecision;
import dev.koers.testkit.history.Bounds;
import dev.koers.testkit.history.RandomHistory;
import dev.koers.testkit.history.Shape;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 10.1: the ledger accepts only what every reader can fold. Random histories full of values at and just
 * beyond every bound (lengths, instants, ratings, characters, odd unicode) go through the ledger's pure core;
 * every accepted event is folded by every reader in the JVM ({@link EveryReader}) without an exception, and
 * every submission that breaks a bound is rejected naming that bound's rule. (The Python outside reader reads
 * such a log in {@code OutsideReaderIT}.)
 */
class BoundsFoldTest {

  private static final Set<String> BOUND_RULES = Set.of(Rule.INSTANT_OUT_OF_RANGE.name(),
      Rule.CHARACTER_NOT_ALLOWED.name(), Rule.TEXT_TOO_LONG.name(), Rule.TITLE_LENGTH.name(),
      Rule.DECISION_ID_INVALID.name(), Rule.RATING_OUT_OF_RANGE.name());

  private final EveryReader readers = new EveryReader();

  @Property(tries = 20)
  void everyAcceptedEventFoldsInEveryReaderAndEveryBrokenBoundIsNamed(@ForAll long seed) {
    PureLedger ledger = history(seed, 200);

    assertEveryRejectionNamesItsBound(ledger);
    EveryReader.Folded folded = readers.fold(ledger.events());

    assertThat(folded.auditProblems()).as("audit findings").isEmpty();
    assertThat(folded.replayedEvents()).isEqualTo(ledger.events().size());
    assertThat(folded.exportedRows()).isEqualTo(ledger.events().size());
    Statistics.collect(ledger.decided().stream().filter(d -> d.expected().breaksABound()).count() > 0);
  }

  /** One long history, to show the generator reaches every bound and the readers fold what lies at them. */
  @Example
  void aLongHistoryReachesEveryBoundAndTheReadersFoldItsEdges() {
    PureLedger ledger = history(20_261_206L, 2_500);

    assertEveryRejectionNamesItsBound(ledger);
    Set<String> named = new TreeSet<>();
    ledger.decided().stream().filter(d -> d.expected().breaksABound()).forEach(d -> named.add(d.expected().rule()));
    assertThat(named).as("bounds broken by the history").containsExactlyInAnyOrderElementsOf(BOUND_RULES);
    List<DecisionEvent> events = ledger.events();
    assertThat(events).as("an opening at the earliest instant")
        .anyMatch(e -> e.getOccurredAt().equals(InputBounds.EARLIEST));
    assertThat(events).as("a due date at the latest instant").anyMatch(e -> e.getPayload()
        instanceof dev.koers.schema.event.DecisionOpened o && InputBounds.LATEST.equals(o.getDueBy()));
    assertThat(events).as("a comment of the longest length").anyMatch(e -> e.getPayload()
        instanceof dev.koers.schema.event.FeedbackGiven f && f.getComment() != null
        && f.getComment().codePointCount(0, f.getComment().length()) == InputBounds.TEXT_MAX);
    assertThat(events).as("a submission id of the longest length").anyMatch(e -> e.getSubmissionId()
        .codePointCount(0, e.getSubmissionId().length()) == InputBounds.SUBMISSION_ID_MAX);

    EveryReader.Folded folded = readers.fold(events);

    assertThat(folded.auditProblems()).as("audit findings").isEmpty();
    assertThat(folded.decisionDocuments()).isEqualTo(events.size());
    assertThat(folded.metricsDocuments()).isPositive();
  }

  @Example
  void theTestKitAimsAtTheBoundsTheDomainEnforces() {
    assertThat(Bounds.DOCUMENTED).isEqualTo(new Bounds(InputBounds.EARLIEST, InputBounds.LATEST,
        InputBounds.DECISION_ID_MAX, InputBounds.SUBMISSION_ID_MAX, InputBounds.TITLE_MAX, InputBounds.NAME_MAX,
        InputBounds.TEXT_MAX, 1, 5));
  }

  private static PureLedger history(long seed, int submissions) {
    PureLedger ledger = new PureLedger();
    Shape shape = Shape.realistic(Instant.parse("2026-03-02T08:00:00Z"), 4, 6).withRespondents(25)
        .withAheadWithinSkew(PureLedger.SKEW).withMistakes(5).withEdges(40);
    new RandomHistory(seed, shape, ledger).submissions(submissions);
    return ledger;
  }

  /**
   * A submission that breaks a bound is rejected by exactly that bound's rule (the generator breaks one bound of
   * an otherwise valid submission); one within the bounds is never rejected by a bound's rule.
   */
  private static void assertEveryRejectionNamesItsBound(PureLedger ledger) {
    for (PureLedger.Decided d : ledger.decided()) {
      String rule = d.outcome().getResult() instanceof Rejected r ? r.getRule() : null;
      String what = d.submission().getCommand().getClass().getSimpleName() + " " + d.outcome();
      if (d.expected().breaksABound()) {
        assertThat(rule).as("rejection of %s", what).isEqualTo(d.expected().rule());
      } else if (rule != null) {
        assertThat(BOUND_RULES).as("rule of %s", what).doesNotContain(rule);
      }
    }
  }
}
