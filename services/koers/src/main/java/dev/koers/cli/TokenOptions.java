package dev.koers.cli;

import dev.koers.api.auth.TokenSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import picocli.CommandLine.Option;

/** Which bearer tokens a clustered API accepts: a shared HS256 key file, an identity provider's JWKS, or both. */
final class TokenOptions {

  @Option(names = "--token-key-file", description = "A file holding the base64 HS256 key shared by every instance (as 'koers up' writes to data/keys/token-hs256.key).")
  Path keyFile;

  @Option(names = "--jwks-url", description = "The identity provider's JWKS URL, for RS256 tokens.")
  String jwksUrl;

  @Option(names = "--jwks-file", description = "A JWKS file, for RS256 tokens.")
  Path jwksFile;

  @Option(names = "--issuer", description = "Required 'iss' of RS256 tokens.")
  String issuer;

  @Option(names = "--audience", description = "Required 'aud' of RS256 tokens.")
  String audience;

  TokenSettings settings() {
    if (keyFile == null && jwksUrl == null && jwksFile == null) {
      throw new IllegalArgumentException("give --token-key-file, --jwks-url or --jwks-file: the API accepts no "
          + "calls without a way to check tokens");
    }
    try {
      byte[] key = keyFile == null ? null : Base64.getDecoder().decode(Files.readString(keyFile).strip());
      return new TokenSettings(key, jwksUrl == null ? null : URI.create(jwksUrl).toURL(), jwksFile, issuer,
          audience);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("--jwks-url is not a URL: " + jwksUrl, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + keyFile, e);
    }
  }
}
