package dev.koers.api;

import dev.koers.api.auth.Forbidden;
import dev.koers.api.auth.Principal;
import dev.koers.schema.command.GiveFeedback;
import org.apache.avro.specific.SpecificRecord;

/**
 * A stakeholder token bound to a respondent and a perspective gives only that respondent's feedback from that
 * perspective; a survey tool's token (bound to neither) records the respondent and perspective the body names.
 */
final class StakeholderBinding {

  private StakeholderBinding() {}

  /** The respondent a stakeholder acts as; 403 when the body names another respondent or perspective. */
  static String respondent(Principal principal, SpecificRecord command) {
    GiveFeedback feedback = command instanceof GiveFeedback f ? f : null;
    if (principal.isSurveyTool()) {
      return feedback == null ? null : feedback.getRespondentId();
    }
    if (feedback != null && feedback.getRespondentId() != null
        && !principal.respondentId().equals(feedback.getRespondentId())) {
      throw new Forbidden("this token is bound to respondent '" + principal.respondentId()
          + "' and cannot give feedback for '" + feedback.getRespondentId() + "'");
    }
    if (feedback != null && feedback.getPerspective() != principal.perspective()) {
      throw new Forbidden("this token is bound to perspective " + principal.perspective()
          + " and cannot give feedback as " + feedback.getPerspective());
    }
    return principal.respondentId();
  }
}
