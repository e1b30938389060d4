package dev.koers.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.domain.DecisionState;
import dev.koers.domain.Evolver;
import dev.koers.domain.HashChain;
import dev.koers.schema.Accepted;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.schema.Rejected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the log and the outcomes must show after any number of crashes, read with {@code read_committed}:
 * every published record answered exactly once, repeats answered with the first outcome, each accepted
 * submission logged exactly once, sequences without gaps and every hash chain intact.
 */
final class ExactlyOnceProof {

  private static final int SHOWN = 10;

  /** The figures of a proven run. */
  record Figures(int published, int distinct, int duplicates, int events, int rejections) {}

  private final HashChain hashChain = new HashChain();
  private final List<String> violations = new ArrayList<>();
  private int violationCount;

  /**
   * @param published every record published to the submissions topic, in publishing order, repeats included
   * @param events the events topic, read_committed, in log order per partition
   * @param outcomes the outcomes topic, read_committed
   */
  static Figures prove(List<Traffic.Planned> published, List<DecisionEvent> events, List<Outcome> outcomes) {
    return new ExactlyOnceProof().check(published, events, outcomes);
  }

  private Figures check(List<Traffic.Planned> published, List<DecisionEvent> events, List<Outcome> outcomes) {
    Map<String, Traffic.Planned> plans = new LinkedHashMap<>();
    Map<String, Integer> timesPublished = new HashMap<>();
    for (Traffic.Planned planned : published) {
      plans.putIfAbsent(planned.key(), planned);
      timesPublished.merge(planned.key(), 1, Integer::sum);
    }
    Map<String, Outcome> answers = outcomesAnswerEachRecordOnceAndRepeatsAlike(published, outcomes, timesPublished);
    outcomesAreThePlannedOnes(plans, answers);
    Map<String, DecisionEvent> logged = eachDecisionsLogIsAnIntactChain(events);
    eventsAreExactlyTheAcceptedSubmissions(answers, logged);

    assertThat(violationCount).as("exactly-once violations, the first %d of them:%n%s", SHOWN,
        String.join("\n", violations)).isZero();
    long accepted = plans.values().stream().filter(Traffic.Planned::accepted).count();
    assertThat(events).as("one event per distinct accepted submission").hasSize((int) accepted);
    return new Figures(published.size(), plans.size(), published.size() - plans.size(), events.size(),
        plans.size() - (int) accepted);
  }

  private Map<String, Outcome> outcomesAnswerEachRecordOnceAndRepeatsAlike(List<Traffic.Planned> published,
      List<Outcome> outcomes, Map<String, Integer> timesPublished) {
    assertThat(outcomes).as("one outcome per published record").hasSize(published.size());
    Map<String, Outcome> first = new HashMap<>();
    Map<String, Integer> answered = new HashMap<>();
    for (Outcome outcome : outcomes) {
      String key = Traffic.Planned.key(outcome.getDecisionId(), outcome.getSubmissionId());
      answered.merge(key, 1, Integer::sum);
      Outcome earlier = first.putIfAbsent(key, outcome);
      if (earlier != null && !earlier.equals(outcome)) {
        violation("submission " + key + " was answered differently: " + earlier + " then " + outcome);
      }
    }
    timesPublished.forEach((key, times) -> {
      if (!times.equals(answered.getOrDefault(key, 0))) {
        violation("submission " + key + " was published " + times + " times but answered "
            + answered.getOrDefault(key, 0) + " times");
      }
    });
    return first;
  }

  private void outcomesAreThePlannedOnes(Map<String, Traffic.Planned> plans, Map<String, Outcome> answers) {
    plans.forEach((key, planned) -> {
      Outcome outcome = answers.get(key);
      if (outcome == null) {
        return; // reported above
      }
      if (planned.accepted()) {
        if (!(outcome.getResult() instanceof Accepted accepted) || accepted.getSequence() != planned.sequence()) {
          violation(key + " should be accepted as #" + planned.sequence() + " but was " + outcome.getResult());
        }
      } else if (!(outcome.getResult() instanceof Rejected rejected)
          || !rejected.getRule().equals(planned.expected())) {
        violation(key + " should be rejected by " + planned.expected() + " but was " + outcome.getResult());
      }
    });
  }

  /** Per decision: sequences 1..n, no submission twice, each hash verifies and links to the one before. */
  private Map<String, DecisionEvent> eachDecisionsLogIsAnIntactChain(List<DecisionEvent> events) {
    Map<String, DecisionEvent> bySubmission = new HashMap<>();
    Map<String, List<DecisionEvent>> byDecision = new LinkedHashMap<>();
    events.forEach(e -> byDecision.computeIfAbsent(e.getDecisionId(), d -> new ArrayList<>()).add(e));
    Evolver evolver = new Evolver();
    byDecision.forEach((decisionId, log) -> {
      Set<String> submissions = new HashSet<>();
      byte[] previous = HashChain.genesis().bytes();
      DecisionState state = null;
      for (int i = 0; i < log.size(); i++) {
        DecisionEvent event = log.get(i);
        String where = decisionId + " #" + event.getSequence();
        if (event.getSequence() != i + 1) {
          violation(decisionId + ": event " + (i + 1) + " has sequence " + event.getSequence());
        }
        if (!submissions.add(event.getSubmissionId())) {
          violation(where + " logs submission " + event.getSubmissionId() + " a second time");
        }
        if (!hashChain.verifies(event)) {
          violation(where + ": its hash is not the digest of its fields");
        }
        if (!Arrays.equals(event.getPreviousHash().bytes(), previous)) {
          violation(where + ": previousHash is not the hash of the event before it");
        }
        previous = event.getHash().bytes();
        try {
          state = evolver.evolve(state, event);
        } catch (IllegalStateException e) {
          violation(where + ": " + e.getMessage());
        }
        bySubmission.put(Traffic.Planned.key(decisionId, event.getSubmissionId()), event);
      }
    });
    return bySubmission;
  }

  private void eventsAreExactlyTheAcceptedSubmissions(Map<String, Outcome> answers,
      Map<String, DecisionEvent> logged) {
    answers.forEach((key, outcome) -> {
      DecisionEvent event = logged.get(key);
      if (outcome.getResult() instanceof Accepted accepted) {
        if (event == null) {
          violation(key + " was accepted but is not in the log");
        } else if (accepted.getSequence() != event.getSequence()
            || !accepted.getEventId().equals(event.getEventId())
            || !Arrays.equals(accepted.getHash().bytes(), event.getHash().bytes())) {
          violation(key + ": its outcome " + accepted + " is not its event #" + event.getSequence());
        }
      } else if (event != null) {
        violation(key + " was rejected but is in the log as #" + event.getSequence());
      }
    });
    logged.keySet().stream().filter(key -> !answers.containsKey(key))
        .forEach(key -> violation(key + " is in the log but has no outcome"));
  }

  private void violation(String what) {
    if (violationCount++ < SHOWN) {
      violations.add(what);
    }
  }
}
