package dev.koers.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/** Mints HS256 bearer tokens for local use with the key kept in the data directory. */
public final class TokenMinter {

  private final byte[] key;

  public TokenMinter(byte[] key) {
    this.key = key.clone();
  }

  public String mint(Principal principal, Duration ttl, Instant now) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .subject(principal.subject())
        .issuer(TokenClaims.ISSUER)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .claim(TokenClaims.ROLE, principal.role().name().toLowerCase(Locale.ROOT));
    if (principal.managerId() != null) {
      claims.claim(TokenClaims.MANAGER_ID, principal.managerId());
    }
    if (principal.respondentId() != null) {
      claims.claim(TokenClaims.RESPONDENT_ID, principal.respondentId());
    }
    if (principal.perspective() != null) {
      claims.claim(TokenClaims.PERSPECTIVE, principal.perspective().name());
    }
    if (principal.isSurveyTool()) {
      claims.claim(TokenClaims.SURVEY_TOOL, true);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(new MACSigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
