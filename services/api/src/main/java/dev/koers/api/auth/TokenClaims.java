package dev.koers.api.auth;

/** The names of the claims Koers reads and writes; standard ones (sub, exp, iat, iss) come from JWT. */
final class TokenClaims {

  static final String ROLE = "role";
  static final String MANAGER_ID = "managerId";
  static final String RESPONDENT_ID = "respondentId";
  static final String PERSPECTIVE = "perspective";
  /** {@code true} on the stakeholder token of a survey tool, which names each respondent in the body. */
  static final String SURVEY_TOOL = "surveyTool";
  /** The {@code iss} of tokens signed with the local HS256 key ('koers token', 'koers up'). */
  static final String ISSUER = "koers";

  private TokenClaims() {}
}
