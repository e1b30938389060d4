package dev.koers.ledger;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.CommunicateDecision;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.command.ReviseDecision;
import dev.koers.schema.command.WithdrawDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded, realistic mix of submissions over many decisions, each planned with the outcome the rules must
 * give it: openings, hearings, decisions, communications, feedback, revisions and withdrawals, with a share
 * that must be rejected (a named rule each), interleaved across decisions as many managers and survey tools
 * would send them. Per decision the order is the plan's order, which Kafka keeps (one key, one partition).
 *
 * <p>Every {@code occurredAt} lies days in the past, or (for {@code OCCURS_IN_FUTURE}) weeks ahead, so the
 * expectations do not depend on when the ledger's clock reads them.
 */
final class Traffic {

  /**
   * @param submission what is published
   * @param expected {@code ACCEPTED} or the rule code of the rejection
   * @param sequence the sequence number the accepted event gets; for a rejection the decision's sequence then
   *     (0 when it does not exist)
   */
  record Planned(Submission submission, String expected, long sequence) {

    static final String ACCEPTED = "ACCEPTED";

    boolean accepted() {
      return ACCEPTED.equals(expected);
    }

    String key() {
      return key(submission.getDecisionId(), submission.getSubmissionId());
    }

    static String key(String decisionId, String submissionId) {
      return decisionId + "/" + submissionId;
    }
  }

  private static final int MANAGERS = 40;
  private static final int UNITS = 12;
  private static final int CONCURRENT_DECISIONS = 300;
  private static final Perspective[] PERSPECTIVES = Perspective.values();

  private final Random random;
  private final Instant now;
  private int decisions;

  private Traffic(long seed, Instant now) {
    this.random = new Random(seed);
    this.now = now;
  }

  /** At least {@code atLeast} distinct submissions, whole decisions only, interleaved. */
  static List<Planned> generate(long seed, int atLeast, Instant now) {
    return new Traffic(seed, now).interleaved(atLeast);
  }

  /** {@code count} distinct submissions picked from {@code from}, to be sent again later. */
  static List<Planned> duplicates(List<Planned> from, int count, long seed) {
    List<Planned> copy = new ArrayList<>(from);
    Collections.shuffle(copy, new Random(seed));
    return List.copyOf(copy.subList(0, count));
  }

  private List<Planned> interleaved(int atLeast) {
    List<List<Planned>> planned = new ArrayList<>();
    int total = 0;
    while (total < atLeast) {
      List<Planned> script = decision();
      planned.add(script);
      total += script.size();
    }
    // Many decisions are in flight at once; each advances a step at a time, in its own order.
    List<Planned> out = new ArrayList<>(total);
    List<int[]> active = new ArrayList<>(); // {script index, next step}
    int next = 0;
    while (next < planned.size() || !active.isEmpty()) {
      while (active.size() < CONCURRENT_DECISIONS && next < planned.size()) {
        active.add(new int[] {next++, 0});
      }
      int pick = random.nextInt(active.size());
      int[] cursor = active.get(pick);
      List<Planned> script = planned.get(cursor[0]);
      out.add(script.get(cursor[1]++));
      if (cursor[1] == script.size()) {
        active.set(pick, active.get(active.size() - 1));
        active.remove(active.size() - 1);
      }
    }
    return out;
  }

  /** One decision's whole life, with the mistakes people and tools make along the way. */
  private List<Planned> decision() {
    int n = decisions++;
    Script s = new Script(String.format("dec-%05d", n), "mgr-" + (n % MANAGERS), "unit-" + (n % UNITS),
        now.minus(Duration.ofDays(40)).plusSeconds(random.nextInt(20 * 24 * 3600)));
    if (chance(0.01)) {
      // A tool that skipped the opening.
      s.hear(s.owner(), s.at(), "DECISION_NOT_FOUND");
      return s.planned;
    }
    if (chance(0.03)) {
      s.open(manager(s.owner, "mgr-other"), null, "NOT_OWNING_MANAGER");
    }
    if (chance(0.02)) {
      s.open(s.owner(), s.opensAt.minus(Duration.ofDays(1)), "DUE_BEFORE_OPENING");
    }
    s.open(s.owner(), chance(0.5) ? s.opensAt.plus(Duration.ofDays(14)) : null, Planned.ACCEPTED);
    if (chance(0.03)) {
      s.open(s.owner(), null, "DECISION_ALREADY_EXISTS");
    }
    int hearings = random.nextInt(4);
    for (int i = 0; i < hearings; i++) {
      s.hear(chance(0.1) ? new Actor("admin-1", Role.ADMIN) : s.owner(), s.later(), Planned.ACCEPTED);
    }
    if (chance(0.02)) {
      s.hear(new Actor("viewer-1", Role.VIEWER), s.at(), "ROLE_NOT_ALLOWED");
    }
    if (chance(0.03)) {
      s.hearOtherWithoutLabel("LABEL_REQUIRED");
    }
    if (chance(0.02)) {
      s.hear(s.owner(), s.opensAt.minus(Duration.ofHours(1)), "OCCURS_BEFORE_OPENING");
    }
    if (chance(0.03)) {
      s.staleHearing("STALE_SEQUENCE");
    }
    if (chance(0.04)) {
      s.feedback(s.later(), rating(), "DECISION_NOT_DECIDED");
    }
    if (chance(0.08)) {
      s.withdraw(Planned.ACCEPTED);
      if (chance(0.5)) {
        s.hear(s.owner(), s.later(), "DECISION_NOT_OPEN");
      }
      return s.planned;
    }
    if (chance(0.04)) {
      s.decide(manager(s.owner, "mgr-other"), "NOT_OWNING_MANAGER");
    }
    s.decide(s.owner(), Planned.ACCEPTED);
    Instant decidedAt = s.at();
    if (chance(0.03)) {
      s.decide(s.owner(), "DECISION_NOT_OPEN");
    }
    s.communicate(Planned.ACCEPTED);
    if (chance(0.2)) {
      s.communicate(Planned.ACCEPTED);
    }
    int feedback = 1 + random.nextInt(5);
    for (int i = 0; i < feedback; i++) {
      s.feedback(s.later(), rating(), Planned.ACCEPTED);
    }
    if (chance(0.05)) {
      s.feedback(s.later(), chance(0.5) ? 0 : 6, "RATING_OUT_OF_RANGE");
    }
    if (chance(0.03)) {
      s.feedbackWithoutRatings("FEEDBACK_WITHOUT_RATING");
    }
    if (chance(0.03)) {
      s.feedbackAsSomeoneElse("RESPONDENT_MISMATCH");
    }
    if (chance(0.02)) {
      s.feedback(decidedAt.minus(Duration.ofMinutes(1)), rating(), "OCCURS_BEFORE_DECISION");
    }
    if (chance(0.02)) {
      s.feedback(now.plus(Duration.ofDays(30)), rating(), "OCCURS_IN_FUTURE");
    }
    if (chance(0.1)) {
      s.revise(Planned.ACCEPTED);
    }
    return s.planned;
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private int rating() {
    return 1 + random.nextInt(5);
  }

  private static Actor manager(String owner, String other) {
    return new Actor(owner.equals(other) ? other + "-2" : other, Role.MANAGER);
  }

  /** One decision's plan, tracking what the ledger will know: its sequence and the clock of its events. */
  private final class Script {

    final String decisionId;
    final String owner;
    final String unit;
    final Instant opensAt;
    final List<Planned> planned = new ArrayList<>();
    private long sequence;
    private Instant clock;
    private int respondents;

    Script(String decisionId, String owner, String unit, Instant opensAt) {
      this.decisionId = decisionId;
      this.owner = owner;
      this.unit = unit;
      this.opensAt = opensAt;
      this.clock = opensAt;
    }

    Actor owner() {
      return new Actor(owner, Role.MANAGER);
    }

    Instant at() {
      return clock;
    }

    /** A moment some minutes to hours after the last one. */
    Instant later() {
      clock = clock.plusSeconds(600 + random.nextInt(12 * 3600));
      return clock;
    }

    void open(Actor actor, Instant dueBy, String expected) {
      OpenDecision open = new OpenDecision("Decision " + decisionId + ": " + pick("weekend cleaning rota",
          "new supplier for the canteen", "reception opening hours", "badge policy for contractors"),
          chance(0.7) ? "Raised in the weekly conversation with the customer's facility manager." : null,
          unit, owner, ActivityGroup.values()[random.nextInt(4)], chance(0.5) ? "A" + random.nextInt(30) : null,
          dueBy);
      add(actor, opensAt, open, expected, false);
    }

    void hear(Actor actor, Instant at, String expected) {
      Perspective perspective = PERSPECTIVES[random.nextInt(PERSPECTIVES.length)];
      String label = perspective == Perspective.OTHER ? pick("end users", "supplier", "regulator") : null;
      add(actor, at, new HearPerspective(perspective, Depth.values()[random.nextInt(4)], label,
          chance(0.6) ? "Heard in a short meeting; notes in the minutes." : null), expected, chance(0.3));
    }

    void hearOtherWithoutLabel(String expected) {
      add(owner(), at(), new HearPerspective(Perspective.OTHER, Depth.CONSULTED, null, null), expected, false);
    }

    void staleHearing(String expected) {
      HearPerspective hearing = new HearPerspective(Perspective.CUSTOMER, Depth.DIALOGUE, null, null);
      planned.add(new Planned(submission(owner(), at(), hearing, Math.max(0, sequence - 1)), expected, sequence));
    }

    void withdraw(String expected) {
      add(owner(), later(), new WithdrawDecision("Overtaken by the new contract."), expected, false);
    }

    void decide(Actor actor, String expected) {
      add(actor, Planned.ACCEPTED.equals(expected) ? later() : at(),
          new MakeDecision(pick("Go ahead", "Not now", "Pilot for a month"), chance(0.7) ? "Weighed all three"
              + " interests." : null, chance(0.25)), expected, chance(0.3));
    }

    void communicate(String expected) {
      List<Perspective> audience = new ArrayList<>();
      for (Perspective p : PERSPECTIVES) {
        if (chance(0.5)) {
          audience.add(p);
        }
      }
      if (audience.isEmpty()) {
        audience.add(Perspective.CUSTOMER);
      }
      add(owner(), later(), new CommunicateDecision(audience, pick("email", "team meeting", "intranet")),
          expected, false);
    }

    void feedback(Instant at, int clarity, String expected) {
      String respondent = decisionId + "-r" + respondents++;
      Perspective perspective = PERSPECTIVES[random.nextInt(PERSPECTIVES.length)];
      add(new Actor(respondent, Role.STAKEHOLDER), at, new GiveFeedback(perspective, respondent,
          perspective == Perspective.OTHER ? "end users" : null, clarity, optionalRating(), optionalRating(),
          optionalRating(), chance(0.3) ? "Clear and quick." : null), expected, false);
    }

    void feedbackWithoutRatings(String expected) {
      String respondent = decisionId + "-r" + respondents++;
      add(new Actor(respondent, Role.STAKEHOLDER), later(), new GiveFeedback(Perspective.EMPLOYEE, respondent,
          null, null, null, null, null, "No opinion."), expected, false);
    }

    void feedbackAsSomeoneElse(String expected) {
      String respondent = decisionId + "-r" + respondents++;
      add(new Actor(respondent, Role.STAKEHOLDER), later(), new GiveFeedback(Perspective.CUSTOMER,
          respondent + "-x", null, 4, null, null, null, null), expected, false);
    }

    void revise(String expected) {
      add(owner(), later(), new ReviseDecision("The customer asked for a trial first.", "Pilot for a month"),
          expected, false);
    }

    private Integer optionalRating() {
      return chance(0.8) ? rating() : null;
    }

    private void add(Actor actor, Instant occurredAt, Object command, String expected, boolean withIfMatch) {
      boolean accepted = Planned.ACCEPTED.equals(expected);
      Long expectedSequence = withIfMatch && accepted ? sequence : null;
      if (accepted) {
        sequence++;
      }
      planned.add(new Planned(submission(actor, occurredAt, command, expectedSequence), expected, sequence));
    }

    private Submission submission(Actor actor, Instant occurredAt, Object command, Long expectedSequence) {
      return new Submission(new UUID(random.nextLong(), random.nextLong()).toString(), decisionId, now,
          occurredAt, actor, expectedSequence, command);
    }

    private String pick(String... options) {
      return options[random.nextInt(options.length)];
    }
  }
}
