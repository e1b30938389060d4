package dev.koers.cli;

import dev.koers.api.auth.SigningKey;
import dev.koers.api.auth.TokenSettings;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which bearer tokens a clustered API accepts: a shared HS256 key file, an identity provider's JWKS, or both. */
final class TokenOptions {

  @Option(names = "--token-key-file", description = "A file holding the base64 HS256 key shared by every instance (as 'koers up' writes to data/keys/token-hs256.key); it must be readable by its owner only (chmod 600).")
  Path keyFile;

  @Option(names = "--jwks-url", description = "The identity provider's JWKS URL, for RS256 tokens (needs --issuer).")
  String jwksUrl;

  @Option(names = "--jwks-file", description = "A JWKS file, for RS256 tokens (needs --issuer).")
  Path jwksFile;

  @Option(names = "--issuer", description = "The 'iss' every RS256 token must carry (required with --jwks-url or --jwks-file); HS256 tokens must carry 'koers'.")
  String issuer;

  @Option(names = "--audience", description = "Required 'aud' of RS256 tokens.")
  String audience;

  @Option(names = "--token-clock-skew", defaultValue = "30", description = "Seconds the clocks of a token's issuer and this server may disagree when checking exp, nbf and iat (default: ${DEFAULT-VALUE}).")
  int clockSkewSeconds;

  TokenSettings settings() {
    if (keyFile == null && jwksUrl == null && jwksFile == null) {
      throw new IllegalArgumentException("give --token-key-file, --jwks-url or --jwks-file: the API accepts no "
          + "calls without a way to check tokens");
    }
    try {
      byte[] key = keyFile == null ? null : SigningKey.read(keyFile);
      return new TokenSettings(key, jwksUrl == null ? null : URI.create(jwksUrl).toURL(), jwksFile, issuer,
          audience, TokenClockSkew.seconds(clockSkewSeconds));
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("--jwks-url is not a URL: " + jwksUrl, e);
    }
  }
}
