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
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks a bearer token's signature, algorithm, expiry and claims, and says whom it speaks for. */
public final class TokenVerifier {

  /** Every token names its issuer, its subject, when it was issued and expires, and its role. */
  private static final Set<String> REQUIRED = Set.of("iss", "sub", "iat", "exp", TokenClaims.ROLE);

  private final Map<JWSAlgorithm, ConfigurableJWTProcessor<SecurityContext>> processors = new HashMap<>();

  public TokenVerifier(TokenSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public TokenVerifier(TokenSettings settings, Clock clock) {
    if (settings.hs256Key() != null) {
      processors.put(JWSAlgorithm.HS256, processor(JWSAlgorithm.HS256,
          new ImmutableSecret<>(settings.hs256Key()), TokenClaims.ISSUER, null, settings, clock));
    }
    JWKSource<SecurityContext> jwks = jwks(settings);
    if (jwks != null) {
      processors.put(JWSAlgorithm.RS256, processor(JWSAlgorithm.RS256, jwks, settings.issuer(),
          settings.audience(), settings, clock));
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
    if (role == Role.STAKEHOLDER) {
      return stakeholder(claims, respondentId);
    }
    return new Principal(claims.getSubject(), role, managerId, respondentId);
  }

  /** Bound to one respondent and one perspective, or a survey tool that says so: nothing in between. */
  private static Principal stakeholder(JWTClaimsSet claims, String respondentId) {
    String perspective = text(claims, TokenClaims.PERSPECTIVE);
    boolean surveyTool = Boolean.TRUE.equals(claims.getClaim(TokenClaims.SURVEY_TOOL));
    if (surveyTool && (respondentId != null || perspective != null)) {
      throw new Unauthorized("a survey tool's stakeholder token names no respondentId and no perspective");
    }
    if (surveyTool) {
      return new Principal(claims.getSubject(), Role.STAKEHOLDER, null, null, null);
    }
    if (respondentId == null || perspective == null) {
      throw new Unauthorized("a stakeholder token must name its respondent and perspective (claims "
          + "respondentId and perspective), or be a survey tool's (claim surveyTool: true)");
    }
    try {
      return new Principal(claims.getSubject(), Role.STAKEHOLDER, null, respondentId,
          Perspective.valueOf(perspective.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new Unauthorized("unknown perspective '" + perspective + "' in the token; use CUSTOMER, EMPLOYEE, "
          + "ORGANIZATION or OTHER");
    }
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

  /** Each algorithm checks the issuer of its own keys: koers for the local key, the configured one for RS256. */
  private static ConfigurableJWTProcessor<SecurityContext> processor(JWSAlgorithm alg,
      JWKSource<SecurityContext> keys, String issuer, String audience, TokenSettings settings, Clock clock) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(alg, keys));
    processor.setJWTClaimsSetVerifier(new TimelyClaims(audience, new JWTClaimsSet.Builder().issuer(issuer).build(),
        REQUIRED, settings.clockSkew(), clock));
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
