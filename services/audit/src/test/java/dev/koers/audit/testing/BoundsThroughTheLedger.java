package dev.koers.audit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.client.KoersClient;
import dev.koers.schema.Accepted;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.Outcome;
import dev.koers.schema.Rejected;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.Perspective;
import dev.koers.testkit.history.Bounds;
import dev.koers.testkit.history.Expected;
import dev.koers.testkit.history.RandomHistory;
import dev.koers.testkit.history.Shape;
import dev.koers.wire.KoersTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.serialization.Serde;

/**
 * Submissions at and beyond the bounds, published straight to the submissions topic as any direct writer could
 * and decided by the real ledger: a decision whose every field lies at its bound (opened at the earliest instant,
 * due at the latest, the longest texts of odd unicode), then a random history with edge values. Each submission
 * that breaks a bound must be rejected by its rule; what is accepted is in the log for its readers.
 */
public final class BoundsThroughTheLedger implements RandomHistory.Ledger {

  /** The decision every field of which lies at a bound. */
  public static final String AT_THE_BOUNDS = "bounds.all-at-the-bounds";

  private static final Bounds BOUNDS = Bounds.DOCUMENTED;

  private final KoersClient client;
  private final Serde<Submission> wire;
  private final Set<String> decisions = new HashSet<>();
  private int accepted;
  private int submitted;

  public BoundsThroughTheLedger(KoersClient client, KoersTopics topics) {
    this.client = client;
    this.wire = topics.submissions().valueSerde();
  }

  /** Writes both parts; the random one from {@code start} on, which must lie weeks before now. */
  public BoundsThroughTheLedger run(long seed, Instant start, int randomSubmissions) {
    atTheBounds(start);
    Shape shape = Shape.realistic(start, 2, 3).withRespondents(8).withEdges(60);
    new RandomHistory(seed, shape, this).submissions(randomSubmissions);
    return this;
  }

  public int acceptedEvents() {
    return accepted;
  }

  public int decisions() {
    return decisions.size();
  }

  public int submitted() {
    return submitted;
  }

  private void atTheBounds(Instant at) {
    String manager = "m-" + "😀".repeat(BOUNDS.nameMax() - 2);
    String prose = ("Zeile\r\n\tעברית \u202Bשלום\u202C 中文 e\u0301 👩‍👩‍👧 \"quoted\", ").repeat(400);
    String cut = prose.substring(0, prose.offsetByCodePoints(0, BOUNDS.textMax() - 1));
    String longest = cut.endsWith("\r") ? cut + "\n" : cut + "x"; // a CR only before an LF
    mustAccept(new OpenDecision("😀".repeat(BOUNDS.titleMax()), longest, "u".repeat(BOUNDS.nameMax()), manager,
        ActivityGroup.POWER, "\uFFFF" + "a".repeat(BOUNDS.nameMax() - 1), BOUNDS.latest()),
        new Actor(manager, Role.MANAGER), BOUNDS.earliest());
    mustAccept(new MakeDecision(longest, longest, true), new Actor(manager, Role.MANAGER), BOUNDS.earliest());
    String respondent = "r-" + "\u200D".repeat(BOUNDS.nameMax() - 2);
    mustAccept(new GiveFeedback(Perspective.OTHER, respondent, "l".repeat(BOUNDS.nameMax()), BOUNDS.ratingMin(),
        BOUNDS.ratingMax(), BOUNDS.ratingMin(), BOUNDS.ratingMax(), "😀".repeat(BOUNDS.textMax())),
        new Actor(respondent, Role.STAKEHOLDER), at);
  }

  private void mustAccept(Object command, Actor actor, Instant occurredAt) {
    String number = String.valueOf(submitted);
    String id = "s".repeat(BOUNDS.submissionIdMax() - number.length()) + number;
    Submission submission = new Submission(id, AT_THE_BOUNDS, occurredAt, occurredAt, actor, null, command);
    assertThat(accepts(submission, Expected.WITHIN_BOUNDS)).as("%s at the bounds", command.getClass().getSimpleName())
        .isTrue();
  }

  @Override
  public boolean accepts(Submission submission, Expected expected) {
    Outcome outcome = submit(submission);
    submitted++;
    if (expected.breaksABound() && !sentAsGiven(submission)) {
      // Avro writes an unpaired surrogate as '?': such a submission never reaches the ledger as it was built.
      assertThat(expected.rule()).isEqualTo(Expected.CHARACTER_NOT_ALLOWED);
    } else if (expected.breaksABound()) {
      assertThat(outcome.getResult()).as("outcome of %s", submission.getSubmissionId()).isInstanceOf(Rejected.class);
      assertThat(((Rejected) outcome.getResult()).getRule()).isEqualTo(expected.rule());
    }
    if (outcome.getResult() instanceof Accepted) {
      accepted++;
      decisions.add(submission.getDecisionId());
      return true;
    }
    return false;
  }

  private boolean sentAsGiven(Submission submission) {
    String topic = "any";
    return wire.deserializer().deserialize(topic, wire.serializer().serialize(topic, submission)).equals(submission);
  }

  private Outcome submit(Submission submission) {
    try {
      return client.submitAndWait(submission);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the ledger did not answer " + submission.getSubmissionId(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** How long before now the random part starts, so that it never runs into the future. */
  public static Duration lead() {
    return Duration.ofDays(60);
  }
}
