package dev.koers.domain;

import dev.koers.schema.Actor;
import dev.koers.schema.Role;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.OpenDecision;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may submit what. Administrators may do everything; auditors and viewers only read. A manager opens
 * decisions only for themself and acts only on their own decisions; stakeholders only give feedback, and
 * only as themself.
 */
final class AuthorizationCheck implements RuleCheck {

  @Override
  public Optional<Verdict.Reject> check(Attempt attempt) {
    Actor actor = attempt.actor();
    if (actor == null || actor.getRole() == null) {
      return Optional.of(attempt.reject(Rule.ROLE_NOT_ALLOWED, "the submission names no actor and role"));
    }
    Role role = actor.getRole();
    if (role == Role.ADMIN) {
      return Optional.empty();
    }
    if (role == Role.AUDITOR || role == Role.VIEWER) {
      return Optional.of(attempt.reject(Rule.ROLE_NOT_ALLOWED,
          "an " + role + " can read decisions but never change them"));
    }
    return switch (attempt.kind()) {
      case OPEN -> opening(attempt, actor);
      case GIVE_FEEDBACK -> feedback(attempt, actor);
      default -> ownersOnly(attempt, actor);
    };
  }

  private static Optional<Verdict.Reject> opening(Attempt attempt, Actor actor) {
    if (actor.getRole() != Role.MANAGER) {
      return Optional.of(attempt.reject(Rule.ROLE_NOT_ALLOWED,
          "a " + actor.getRole() + " cannot open a decision; a MANAGER or an ADMIN can"));
    }
    String managerId = ((OpenDecision) attempt.command()).getManagerId();
    if (!Objects.equals(managerId, actor.getId())) {
      return Optional.of(attempt.reject(Rule.NOT_OWNING_MANAGER, "a manager opens decisions only for"
          + " themself: managerId " + InputBounds.shown(managerId) + " is not your id " + InputBounds.shown(actor.getId())));
    }
    return Optional.empty();
  }

  private static Optional<Verdict.Reject> feedback(Attempt attempt, Actor actor) {
    if (actor.getRole() != Role.STAKEHOLDER) {
      return Optional.of(attempt.reject(Rule.ROLE_NOT_ALLOWED, "feedback is given by a STAKEHOLDER"
          + " (or recorded by an ADMIN), not by a " + actor.getRole()));
    }
    String respondentId = ((GiveFeedback) attempt.command()).getRespondentId();
    if (!Objects.equals(respondentId, actor.getId())) {
      // Later feedback replaces earlier feedback of the same respondent, so posing as another would erase theirs.
      return Optional.of(attempt.reject(Rule.RESPONDENT_MISMATCH, "a stakeholder gives feedback only as"
          + " themself: respondentId " + InputBounds.shown(respondentId) + " is not your id "
          + InputBounds.shown(actor.getId())));
    }
    return Optional.empty();
  }

  private static Optional<Verdict.Reject> ownersOnly(Attempt attempt, Actor actor) {
    String owner = attempt.state().managerId();
    String action = attempt.kind().verb();
    if (actor.getRole() != Role.MANAGER) {
      return Optional.of(attempt.reject(Rule.ROLE_NOT_ALLOWED, "a " + actor.getRole() + " cannot " + action
          + " decision " + attempt.decisionId() + "; only its owning manager or an ADMIN can"));
    }
    if (!owner.equals(actor.getId())) {
      return Optional.of(attempt.reject(Rule.NOT_OWNING_MANAGER, "only the owning manager (" + owner
          + ") or an ADMIN may " + action + " decision " + attempt.decisionId() + "; you are manager "
          + InputBounds.printable(actor.getId())));
    }
    return Optional.empty();
  }
}
