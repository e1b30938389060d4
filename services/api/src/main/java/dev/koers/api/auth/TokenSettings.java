package dev.koers.api.auth;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Which tokens the API accepts: HS256 signed with the local key (the embedded default, issuer {@code koers}),
 * and RS256 signed by an identity provider whose keys come from a JWKS URL or file, with the issuer it names.
 * Either may be absent, not both. {@code clockSkew} is how far the clocks of issuer and API may disagree when
 * checking {@code exp}, {@code nbf} and {@code iat} (whole seconds).
 */
public record TokenSettings(byte[] hs256Key, URL jwksUrl, Path jwksFile, String issuer, String audience,
                            Duration clockSkew) {

  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

  public TokenSettings {
    if ((jwksUrl != null || jwksFile != null) && (issuer == null || issuer.isBlank())) {
      throw new IllegalArgumentException("RS256 tokens from a JWKS need the issuer they must name: give --issuer");
    }
    if (clockSkew == null) {
      clockSkew = DEFAULT_CLOCK_SKEW;
    }
    if (clockSkew.isNegative() || clockSkew.toSeconds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the token clock skew must be 0 or more seconds, was " + clockSkew);
    }
  }

  /** With the default clock skew. */
  public TokenSettings(byte[] hs256Key, URL jwksUrl, Path jwksFile, String issuer, String audience) {
    this(hs256Key, jwksUrl, jwksFile, issuer, audience, DEFAULT_CLOCK_SKEW);
  }

  public static TokenSettings local(byte[] hs256Key) {
    return new TokenSettings(hs256Key, null, null, null, null, DEFAULT_CLOCK_SKEW);
  }

  public TokenSettings withClockSkew(Duration skew) {
    return new TokenSettings(hs256Key, jwksUrl, jwksFile, issuer, audience, skew);
  }
}
