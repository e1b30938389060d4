package dev.koers.api.auth;

import java.net.URL;
import java.nio.file.Path;

/**
 * Which tokens the API accepts: HS256 signed with the local key (the embedded default), and RS256 signed by an
 * identity provider whose keys come from a JWKS URL or file. Either may be absent, not both.
 */
public record TokenSettings(byte[] hs256Key, URL jwksUrl, Path jwksFile, String issuer, String audience) {

  public static TokenSettings local(byte[] hs256Key) {
    return new TokenSettings(hs256Key, null, null, null, null);
  }
}
