package dev.koers.api.auth;

/** The names of the claims Koers reads and writes; standard ones (sub, exp, iat, iss) come from JWT. */
final class TokenClaims {

  static final String ROLE = "role";
  static final String MANAGER_ID = "managerId";
  static final String RESPONDENT_ID = "respondentId";
  static final String ISSUER = "koers";

  private TokenClaims() {}
}
