package dev.koers.api.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * The standard claim checks (issuer, audience, required claims, {@code exp} and {@code nbf} within the clock
 * skew) against this clock, plus one the library leaves out: a token issued in the future is refused.
 */
final class TimelyClaims extends DefaultJWTClaimsVerifier<SecurityContext> {

  private final Clock clock;
  private final Duration skew;

  TimelyClaims(String audience, JWTClaimsSet exactMatch, Set<String> required, Duration skew, Clock clock) {
    super(audience, exactMatch, required);
    this.clock = clock;
    this.skew = skew;
    setMaxClockSkew((int) skew.toSeconds());
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
    super.verify(claims, context);
    Instant latest = clock.instant().plus(skew);
    if (claims.getIssueTime() != null && claims.getIssueTime().toInstant().isAfter(latest)) {
      throw new BadJWTException("issued in the future (iat " + claims.getIssueTime().toInstant()
          + ", more than " + skew.toSeconds() + " s ahead of this server's clock)");
    }
  }

  @Override
  protected Date currentTime() {
    return Date.from(clock.instant());
  }
}
