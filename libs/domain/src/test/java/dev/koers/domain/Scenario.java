package dev.koers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Submission;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.assertj.core.api.AbstractStringAssert;

/**
 * {@code given(facts...).when(submission).thenEvent(payload)} or {@code .thenRejected(rule)}: a rule read as a
 * specification. The facts become a sealed chain through {@link HashChain} and {@link Evolver}; the
 * submission goes to the {@link Decider} with the log's clock at {@link Fixtures#NOW}.
 */
final class Scenario {

  private final Decider decider = new Decider(Fixtures.SKEW);
  private final Evolver evolver = new Evolver();
  private final HashChain hashChain = new HashChain();
  private final List<DecisionEvent> events = new ArrayList<>();
  private DecisionState state;
  private Verdict verdict;
  private Submission submission;

  static Scenario given(Fact... facts) {
    Scenario scenario = new Scenario();
    for (Fact fact : facts) {
      scenario.append(fact);
    }
    return scenario;
  }

  Scenario when(SpecificRecord command) {
    return when(Request.request(command));
  }

  Scenario when(Request request) {
    submission = request.toSubmission();
    verdict = decider.decide(state, submission, Fixtures.NOW);
    return this;
  }

  /** Asserts the submission is accepted with exactly this payload; returns the state it leads to. */
  DecisionState thenEvent(SpecificRecord expectedPayload) {
    assertThat(verdict).isInstanceOf(Verdict.Accept.class);
    assertThat(((Verdict.Accept) verdict).payload()).isEqualTo(expectedPayload);
    return stateAfterAccepting();
  }

  /** Asserts the submission is accepted; returns the state it leads to. */
  DecisionState thenAccepted() {
    assertThat(verdict).isInstanceOf(Verdict.Accept.class);
    return stateAfterAccepting();
  }

  /** Asserts the submission is rejected by this rule; the returned assertion is on its message. */
  AbstractStringAssert<?> thenRejected(Rule rule) {
    assertThat(verdict).isInstanceOf(Verdict.Reject.class);
    assertThat(((Verdict.Reject) verdict).rule()).as("rule of %s", verdict).isEqualTo(rule);
    return assertThat(((Verdict.Reject) verdict).message());
  }

  DecisionState state() {
    return state;
  }

  List<DecisionEvent> events() {
    return List.copyOf(events);
  }

  private DecisionState stateAfterAccepting() {
    append(new Fact(((Verdict.Accept) verdict).payload(), submission.getOccurredAt(), submission.getActor()));
    return state;
  }

  private void append(Fact fact) {
    DecisionEvent unsealed = DecisionEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setDecisionId(decisionIdOfNextEvent())
        .setSequence(events.size() + 1L)
        .setOccurredAt(fact.occurredAt())
        .setRecordedAt(fact.occurredAt())
        .setActor(fact.actor())
        .setSubmissionId(UUID.randomUUID().toString())
        .setPreviousHash(events.isEmpty() ? HashChain.genesis() : events.get(events.size() - 1).getHash())
        .setPayload(fact.payload())
        .setHash(HashChain.genesis())
        .build();
    DecisionEvent sealed = hashChain.seal(unsealed);
    state = evolver.evolve(state, sealed);
    events.add(sealed);
  }

  private String decisionIdOfNextEvent() {
    if (state != null) {
      return state.decisionId();
    }
    return submission == null ? Fixtures.DECISION : submission.getDecisionId();
  }
}
