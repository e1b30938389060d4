package dev.koers.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.koers.schema.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks a bearer token's signature, algorithm, expiry and claims, and says whom it speaks for. */
public final class TokenVerifier {

  private final Map<JWSAlgorithm, ConfigurableJWTProcessor<SecurityContext>> processors = new HashMap<>();

  public TokenVerifier(TokenSettings settings) {
    if (settings.hs256Key() != null) {
      processors.put(JWSAlgorithm.HS256, processor(JWSAlgorithm.HS256,
          new ImmutableSecret<>(settings.hs256Key()), settings));
    }
    JWKSource<SecurityContext> jwks = jwks(settings);
    if (jwks != null) {
      processors.put(JWSAlgorithm.RS256, processor(JWSAlgorithm.RS256, jwks, settings));
    }
    if (processors.isEmpty()) {
      throw new IllegalArgumentException("no token key configured: give the local key or a JWKS");
    }
  }

  public Principal verify(String token) {
    return session(token).principal();
  }

  /** Verifies the token as {@link #verify} does, and keeps its expiry. */
  public Session session(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new Unauthorized("the bearer token is not a JWT");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw new Unauthorized("the bearer token is not signed (alg=none is refused)");
    }
    JWSAlgorithm alg = signed.getHeader().getAlgorithm();
    ConfigurableJWTProcessor<SecurityContext> processor = processors.get(alg);
    if (processor == null) {
      throw new Unauthorized("tokens signed with " + alg + " are not accepted; use " + processors.keySet());
    }
    try {
      JWTClaimsSet claims = processor.process(signed, null);
      return new Session(principal(claims), claims.getExpirationTime().toInstant());
    } catch (BadJWTException e) {
      throw new Unauthorized("the bearer token is not valid: " + e.getMessage());
    } catch (BadJOSEException | JOSEException e) {
      throw new Unauthorized("the bearer token's signature does not verify");
    }
  }

  private static Principal principal(JWTClaimsSet claims) {
    Role role = role(claims);
    String managerId = text(claims, TokenClaims.MANAGER_ID);
    String respondentId = text(claims, TokenClaims.RESPONDENT_ID);
    if (role == Role.MANAGER && managerId == null) {
      throw new Unauthorized("a manager token must carry the manager id it is bound to (claim managerId)");
    }
    return new Principal(claims.getSubject(), role, managerId, respondentId);
  }

  private static Role role(JWTClaimsSet claims) {
    String role = text(claims, TokenClaims.ROLE);
    if (role == null) {
      throw new Unauthorized("the token carries no role");
    }
    try {
      return Role.valueOf(role.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Unauthorized("unknown role '" + role + "'");
    }
  }

  private static String text(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      throw new Unauthorized("claim " + name + " must be a string");
    }
  }

  private static ConfigurableJWTProcessor<SecurityContext> processor(JWSAlgorithm alg,
      JWKSource<SecurityContext> keys, TokenSettings settings) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(alg, keys));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    if (settings.issuer() != null && alg == JWSAlgorithm.RS256) {
      exact.issuer(settings.issuer());
    }
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        alg == JWSAlgorithm.RS256 ? settings.audience() : null, exact.build(),
        Set.of("sub", "exp", TokenClaims.ROLE)));
    return processor;
  }

  private static JWKSource<SecurityContext> jwks(TokenSettings settings) {
    if (settings.jwksUrl() != null) {
      return JWKSourceBuilder.create(settings.jwksUrl()).build();
    }
    if (settings.jwksFile() != null) {
      try {
        return new ImmutableJWKSet<>(JWKSet.load(settings.jwksFile().toFile()));
      } catch (IOException | ParseException e) {
        throw new UncheckedIOException("cannot read the JWKS file " + settings.jwksFile(),
            e instanceof IOException io ? io : new IOException(e));
      }
    }
    return null;
  }
}
