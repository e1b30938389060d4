package dev.koers.domain;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.schema.command.CommunicateDecision;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.command.ReviseDecision;
import dev.koers.schema.command.WithdrawDecision;
import dev.koers.schema.event.DecisionCommunicated;
import dev.koers.schema.event.DecisionMade;
import dev.koers.schema.event.DecisionOpened;
import dev.koers.schema.event.DecisionRevised;
import dev.koers.schema.event.DecisionWithdrawn;
import dev.koers.schema.event.FeedbackGiven;
import dev.koers.schema.event.PerspectiveHeard;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The world of the specifications: decision d-42 of manager m-1 in unit facilities, opened on 2 March,
 * decided on 4 March; the log's clock says 9 March noon and allows five minutes of clock skew.
 */
final class Fixtures {

  static final String DECISION = "d-42";
  static final String OWNER = "m-1";
  static final String UNIT = "facilities";
  static final String RESPONDENT = "r-7";

  static final Instant OPENED_AT = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant HEARD_AT = Instant.parse("2026-03-03T10:00:00Z");
  static final Instant DECIDED_AT = Instant.parse("2026-03-04T15:00:00Z");
  static final Instant COMMUNICATED_AT = Instant.parse("2026-03-05T08:30:00Z");
  static final Instant REVISED_AT = Instant.parse("2026-03-06T11:00:00Z");
  static final Instant WITHDRAWN_AT = Instant.parse("2026-03-03T16:00:00Z");
  static final Instant NOW = Instant.parse("2026-03-09T12:00:00Z");
  /** When a submission in a specification happened, unless it says otherwise: after every given fact. */
  static final Instant RECENTLY = NOW.minus(Duration.ofHours(1));
  static final Duration SKEW = Duration.ofMinutes(5);

  private Fixtures() {}

  // --- who

  static Actor owner() {
    return manager(OWNER);
  }

  static Actor manager(String id) {
    return new Actor(id, Role.MANAGER);
  }

  static Actor admin() {
    return new Actor("admin-1", Role.ADMIN);
  }

  static Actor stakeholder(String respondentId) {
    return new Actor(respondentId, Role.STAKEHOLDER);
  }

  static Actor auditor() {
    return new Actor("auditor-1", Role.AUDITOR);
  }

  static Actor viewer() {
    return new Actor("viewer-1", Role.VIEWER);
  }

  // --- commands, with the defaults a specification tweaks

  static OpenDecision open() {
    return new OpenDecision("Weekly roster for the night shift", "Customers complain about late cleaning",
        UNIT, OWNER, ActivityGroup.POWER, "roster", null);
  }

  static OpenDecision open(Consumer<OpenDecision> tweak) {
    return with(open(), tweak);
  }

  static HearPerspective hear(Perspective perspective, Depth depth) {
    return new HearPerspective(perspective, depth, null, "weekly conversation");
  }

  static HearPerspective hear(Consumer<HearPerspective> tweak) {
    return with(hear(Perspective.CUSTOMER, Depth.DIALOGUE), tweak);
  }

  static MakeDecision decide() {
    return new MakeDecision("Night shift starts at 22:00", "Fewer complaints, same cost", true);
  }

  static MakeDecision decide(Consumer<MakeDecision> tweak) {
    return with(decide(), tweak);
  }

  static CommunicateDecision communicate(Perspective... audience) {
    return new CommunicateDecision(List.of(audience), "team meeting");
  }

  static CommunicateDecision communicate(Consumer<CommunicateDecision> tweak) {
    return with(communicate(Perspective.CUSTOMER, Perspective.EMPLOYEE), tweak);
  }

  static ReviseDecision revise() {
    return new ReviseDecision("The customer moved its opening hours", "Night shift starts at 21:00");
  }

  static ReviseDecision revise(Consumer<ReviseDecision> tweak) {
    return with(revise(), tweak);
  }

  static WithdrawDecision withdraw() {
    return new WithdrawDecision("The contract ends");
  }

  static WithdrawDecision withdraw(Consumer<WithdrawDecision> tweak) {
    return with(withdraw(), tweak);
  }

  static GiveFeedback giveFeedback() {
    return new GiveFeedback(Perspective.CUSTOMER, RESPONDENT, null, 4, 5, 3, 4, "Clear and quick");
  }

  static GiveFeedback giveFeedback(Consumer<GiveFeedback> tweak) {
    return with(giveFeedback(), tweak);
  }

  // --- facts: what the log already holds

  static Fact opened() {
    return new Fact(new DecisionOpened(open().getTitle(), open().getContext(), UNIT, OWNER,
        ActivityGroup.POWER, "roster", null), OPENED_AT, owner());
  }

  static Fact opened(Consumer<DecisionOpened> tweak) {
    Fact fact = opened();
    return new Fact(with((DecisionOpened) fact.payload(), tweak), fact.occurredAt(), fact.actor());
  }

  static Fact heard(Perspective perspective, Depth depth) {
    return new Fact(new PerspectiveHeard(perspective, depth, null, "weekly conversation"), HEARD_AT, owner());
  }

  static Fact decided() {
    MakeDecision made = decide();
    return new Fact(new DecisionMade(made.getOutcome(), made.getRationale(), made.getUsesPower()),
        DECIDED_AT, owner());
  }

  static Fact communicated() {
    return new Fact(new DecisionCommunicated(List.of(Perspective.CUSTOMER), "email"), COMMUNICATED_AT, owner());
  }

  static Fact revised() {
    return new Fact(new DecisionRevised(revise().getReason(), revise().getOutcome()), REVISED_AT, owner());
  }

  static Fact withdrawn() {
    return new Fact(new DecisionWithdrawn("The contract ends"), WITHDRAWN_AT, owner());
  }

  static Fact feedbackGiven() {
    GiveFeedback f = giveFeedback();
    return new Fact(new FeedbackGiven(f.getPerspective(), f.getRespondentId(), f.getLabel(), f.getClarity(),
        f.getSpeed(), f.getHeard(), f.getAddedValue(), f.getComment()), REVISED_AT, stakeholder(RESPONDENT));
  }

  static <T> T with(T record, Consumer<T> tweak) {
    tweak.accept(record);
    return record;
  }
}
