package dev.koers.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.documents.ViewRecords;
import dev.koers.domain.DecisionLimits;
import dev.koers.domain.DecisionStatus;
import dev.koers.domain.InputBounds;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.DecisionFacts;
import dev.koers.domain.metrics.DecisionFactsFold;
import dev.koers.domain.metrics.DecisionFeedback;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.metrics.FeedbackFact;
import dev.koers.domain.metrics.SplitFacts;
import dev.koers.domain.view.Course;
import dev.koers.domain.view.DecisionView;
import dev.koers.domain.view.Head;
import dev.koers.domain.view.Hearing;
import dev.koers.domain.view.Opening;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.schema.Sha256;
import dev.koers.schema.event.DecisionMade;
import dev.koers.schema.event.DecisionOpened;
import dev.koers.schema.event.DecisionRevised;
import dev.koers.schema.event.FeedbackGiven;
import dev.koers.schema.event.PerspectiveHeard;
import dev.koers.wire.StateSerde;
import dev.koers.wire.KoersTopics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The worst case of every record the views keep per decision, at the documented bounds (docs/rules.md:
 * lengths, {@link DecisionLimits}), each value of the widest character for its serializer: far below Kafka's
 * 1 MB record limit, whatever the decision's life. Events and respondents do not appear: each is an entry
 * of its own.
 */
class DecisionRecordSizeTest {

  private static final int KAFKA_RECORD_LIMIT = 1_048_576;
  /** Far below: a third of the limit leaves room for headers, batches and a few more fields in later versions. */
  private static final int FAR_BELOW = KAFKA_RECORD_LIMIT / 3;
  private static final Instant AT = InputBounds.LATEST;
  private static final KoersTopics TOPICS = new KoersTopics("", 1);

  /**
   * Widest characters: an emoji (4 bytes of UTF-8, or an escaped surrogate pair), a quote and a backslash
   * (escaped in JSON), a line break (the one control character free text keeps), and a control character that
   * only free text may not hold either (6 bytes escaped in JSON): an upper bound even beyond the bounds.
   */
  @ParameterizedTest(name = "filled with U+{0}")
  @ValueSource(ints = {0x1F600, '"', '\\', '\n', 0x01, 0x2028})
  void every_per_decision_record_stays_far_below_the_record_limit(int codePoint) {
    String name = fill(codePoint, InputBounds.NAME_MAX);
    String text = fill(codePoint, InputBounds.TEXT_MAX);
    String title = fill(codePoint, InputBounds.TITLE_MAX);
    String decisionId = "d".repeat(InputBounds.DECISION_ID_MAX);

    DecisionView view = worstView(decisionId, title, name, text);
    SplitFacts facts = worstFacts(decisionId, name);
    FeedbackFact feedback = new FeedbackFact(Perspective.ORGANIZATION, AT, Long.MAX_VALUE, 5, 5, 5, 5);

    assertThat(json(view, DecisionView.class)).as("views-decisions").isLessThan(FAR_BELOW);
    assertThat(json(facts, SplitFacts.class)).as("views-facts").isLessThan(FAR_BELOW);
    assertThat(json(feedback, FeedbackFact.class) + EntryKeys.respondent(decisionId, name).length() * 4)
        .as("views-feedback").isLessThan(FAR_BELOW);
    byte[] summary = TOPICS.viewDecisions().valueSerde().serializer().serialize("t",
        ViewRecords.decision(view, DecisionMetrics.of(facts, Anonymity.DEFAULT)));
    assertThat(summary.length).as("koers.view.decisions").isLessThan(FAR_BELOW);
    for (Object payload : List.of(
        new DecisionOpened(title, text, name, name, ActivityGroup.INTERACTION, name, AT),
        new DecisionMade(text, text, true),
        new DecisionRevised(text, text),
        new FeedbackGiven(Perspective.OTHER, name, name, 5, 5, 5, 5, text))) {
      byte[] entry = TOPICS.events().valueSerde().serializer().serialize("t", event(decisionId, name, payload));
      assertThat(entry.length).as("views-timelines entry of %s", payload.getClass().getSimpleName())
          .isLessThan(FAR_BELOW);
    }
  }

  private static DecisionView worstView(String decisionId, String title, String name, String text) {
    List<Hearing> hearings = new ArrayList<>();
    for (int i = 0; i < DecisionLimits.MAX_HEARINGS; i++) {
      hearings.add(new Hearing(Perspective.ORGANIZATION, Depth.CO_DECIDED, name, AT));
    }
    return new DecisionView(decisionId,
        new Opening(title, text, name, name, ActivityGroup.INTERACTION, name, AT, AT),
        new Head(DecisionStatus.WITHDRAWN, Long.MAX_VALUE, "f".repeat(64), AT),
        new Course(AT, text, text, true, AT, DecisionLimits.MAX_REVISIONS, AT),
        hearings);
  }

  /** Every hearing and revision allowed, and a tally of every perspective with the largest sums. */
  private static SplitFacts worstFacts(String decisionId, String name) {
    DecisionFactsFold fold = new DecisionFactsFold();
    DecisionFacts facts = fold.apply(null, event(decisionId, name,
        new DecisionOpened("t", null, name, name, ActivityGroup.INTERACTION, name, AT)));
    long sequence = 1;
    for (int i = 0; i < DecisionLimits.MAX_HEARINGS; i++) {
      facts = fold.apply(facts, event(decisionId, name, ++sequence,
          new PerspectiveHeard(Perspective.CUSTOMER, Depth.CO_DECIDED, null, null)));
    }
    facts = fold.apply(facts, event(decisionId, name, ++sequence, new DecisionMade("o", null, false)));
    for (int i = 0; i < DecisionLimits.MAX_REVISIONS; i++) {
      facts = fold.apply(facts, event(decisionId, name, ++sequence, new DecisionRevised("r", "o")));
    }
    DecisionFeedback tally = DecisionFeedback.NONE;
    for (Perspective perspective : Perspective.values()) {
      for (int i = 0; i < 3; i++) {
        tally = tally.replacing(null, new FeedbackFact(perspective, AT, Long.MAX_VALUE, 5, 5, 5, 5));
      }
    }
    List<DecisionFeedback.Tally> largest = new ArrayList<>();
    tally.byPerspective().forEach((p, t) -> largest.add(new DecisionFeedback.Tally(Long.MAX_VALUE,
        new dev.koers.domain.metrics.RatingTotals(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
            Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE))));
    java.util.Map<Perspective, DecisionFeedback.Tally> widest = new java.util.EnumMap<>(Perspective.class);
    for (Perspective perspective : Perspective.values()) {
      widest.put(perspective, largest.get(perspective.ordinal()));
    }
    return new SplitFacts(facts, new DecisionFeedback(widest));
  }

  private static DecisionEvent event(String decisionId, String name, Object payload) {
    return event(decisionId, name, 1, payload);
  }

  private static DecisionEvent event(String decisionId, String name, long sequence, Object payload) {
    return DecisionEvent.newBuilder()
        .setEventId("e".repeat(36))
        .setDecisionId(decisionId)
        .setSequence(sequence)
        .setOccurredAt(AT.plusMillis(-sequence))
        .setRecordedAt(AT)
        .setActor(new Actor(name, Role.ADMIN))
        .setSubmissionId("s".repeat(InputBounds.SUBMISSION_ID_MAX))
        .setPreviousHash(new Sha256(new byte[32]))
        .setPayload(payload)
        .setHash(new Sha256(new byte[32]))
        .build();
  }

  private static <T> int json(T value, Class<T> type) {
    return StateSerde.of(type).serializer().serialize("t", value).length;
  }

  private static String fill(int codePoint, int codePoints) {
    return Character.toString(codePoint).repeat(codePoints);
  }
}
