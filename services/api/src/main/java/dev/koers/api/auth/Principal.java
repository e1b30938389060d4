package dev.koers.api.auth;

import dev.koers.schema.Perspective;
import dev.koers.schema.Role;

/**
 * Who a valid token speaks for. A manager is bound to a manager id. A stakeholder is bound to one respondent
 * and one perspective; a stakeholder with neither is a survey tool (its token says so with the claim
 * {@code surveyTool}), which records any respondent's feedback.
 */
public record Principal(String subject, Role role, String managerId, String respondentId, Perspective perspective) {

  /** Everyone but a bound stakeholder: no perspective. */
  public Principal(String subject, Role role, String managerId, String respondentId) {
    this(subject, role, managerId, respondentId, null);
  }

  public static Principal stakeholder(String respondentId, Perspective perspective) {
    return new Principal(respondentId, Role.STAKEHOLDER, null, respondentId, perspective);
  }

  public boolean isSurveyTool() {
    return role == Role.STAKEHOLDER && respondentId == null;
  }
}
