package dev.koers.cli;

import dev.koers.domain.Decider;
import dev.koers.domain.DecisionState;
import dev.koers.domain.LedgerStep;
import dev.koers.domain.metrics.IsoWeek;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Submission;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.event.PerspectiveHeard;
import dev.koers.testkit.history.Expected;
import dev.koers.testkit.history.RandomHistory;
import dev.koers.testkit.history.Shape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A large random decision log, reproducible from a seed, written exactly as the ledger would write it: the test
 * kit's {@link RandomHistory} submits, every submission goes through {@link LedgerStep} (the rules, the hash
 * chain, the sequences) with the log's clock as {@code recordedAt}, and only accepted events are kept. It has
 * many units and managers, revisions, withdrawals, feedback replaced by the same respondent (sometimes back-dated
 * behind the current one, so that it replaces nothing), back-dated decisions, hearings and communications,
 * commands the rules refuse, and spans ISO week-year boundaries (2020-W53, which holds 2021-01-01, and 2021-W52 →
 * 2022-W01). Counted here, by kind, so that a test can say the log is rich enough.
 */
final class GeneratedLog implements RandomHistory.Ledger {

  /** As a node's ledger: TestNode runs with 2 minutes of allowed clock skew. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
  static final Instant START = Instant.parse("2020-09-07T08:00:00Z");

  private final LedgerStep step = new LedgerStep(new Decider(CLOCK_SKEW));
  private final Map<String, DecisionState> states = new HashMap<>();
  private final List<DecisionEvent> events = new ArrayList<>();
  private final Map<String, Map<String, Instant>> currentFeedback = new HashMap<>();
  private final Map<String, Instant> lastHearing = new HashMap<>();
  private final Map<String, Integer> stats = new TreeMap<>();

  private GeneratedLog() {}

  /** At least {@code minEvents} accepted events. */
  static GeneratedLog generate(long seed, int minEvents, int units, int managers) {
    GeneratedLog log = new GeneratedLog();
    Shape shape = Shape.realistic(START, units, managers).withRespondents(120).withAheadWithinSkew(CLOCK_SKEW)
        .withMistakes(3);
    new RandomHistory(seed, shape, log).untilAccepted(minEvents);
    return log;
  }

  List<DecisionEvent> events() {
    return List.copyOf(events);
  }

  /** What the log holds, by kind: accepted events, rejected attempts, back-dated events, replacements … */
  Map<String, Integer> stats() {
    return Map.copyOf(stats);
  }

  int stat(String name) {
    return stats.getOrDefault(name, 0);
  }

  /** The last sequence of each decision. */
  Map<String, Long> lastSequences() {
    Map<String, Long> last = new HashMap<>();
    states.forEach((id, state) -> last.put(id, state.sequence()));
    return last;
  }

  /** Every ISO week in which some event occurred. */
  TreeSet<IsoWeek> weeks() {
    TreeSet<IsoWeek> weeks = new TreeSet<>();
    events.forEach(e -> weeks.add(IsoWeek.of(e.getOccurredAt())));
    return weeks;
  }

  @Override
  public boolean accepts(Submission submission, Expected expected) {
    String id = submission.getDecisionId();
    LedgerStep.Result result = step.handle(states.get(id), submission, submission.getSubmittedAt(),
        "e-" + events.size() + "-" + id);
    if (!result.accepted()) {
      count("rejected");
      return false;
    }
    DecisionEvent event = result.event().orElseThrow();
    states.put(id, result.newState());
    events.add(event);
    count(event.getPayload().getClass().getSimpleName());
    if (event.getPayload() instanceof PerspectiveHeard) {
      lastHearing.merge(id, event.getOccurredAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
    if (submission.getCommand() instanceof MakeDecision && hearingsAfter(id, event.getOccurredAt())) {
      count("decisionsBackDatedBehindAHearing");
    }
    if (submission.getCommand() instanceof GiveFeedback feedback) {
      countReplacement(id, feedback.getRespondentId(), event.getOccurredAt());
    }
    if (event.getOccurredAt().isBefore(event.getRecordedAt())) {
      count("backDated");
    }
    if (event.getOccurredAt().isAfter(event.getRecordedAt())) {
      count("aheadWithinSkew");
    }
    return true;
  }

  private void countReplacement(String id, String respondent, Instant at) {
    Map<String, Instant> current = currentFeedback.computeIfAbsent(id, d -> new HashMap<>());
    Instant before = current.get(respondent);
    if (before == null) {
      current.put(respondent, at);
    } else if (at.isBefore(before)) {
      count("feedbackBackDatedBehindTheCurrentOne");
    } else {
      count("feedbackReplacements");
      current.put(respondent, at);
    }
  }

  private boolean hearingsAfter(String id, Instant decidedAt) {
    return lastHearing.containsKey(id) && lastHearing.get(id).isAfter(decidedAt);
  }

  private void count(String name) {
    stats.merge(name, 1, Integer::sum);
  }
}
