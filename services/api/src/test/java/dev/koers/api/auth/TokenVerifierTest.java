package dev.koers.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Times in a token against this server's clock, with the configured leeway; a fixed clock, no waiting. */
@Tag("attack")
class TokenVerifierTest {

  private static final Instant SERVER_NOW = Instant.parse("2026-12-06T04:00:00Z");
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final Principal ADMIN = new Principal("a", Role.ADMIN, null, null);

  private final TokenMinter minter = new TokenMinter(KEY);

  private static TokenVerifier verifier(Duration skew) {
    return new TokenVerifier(TokenSettings.local(KEY).withClockSkew(skew), Clock.fixed(SERVER_NOW, ZoneOffset.UTC));
  }

  @Test
  void aTokenIssuedWithinTheLeewayAheadIsAcceptedFurtherAheadRefused() {
    TokenVerifier verifier = verifier(TokenSettings.DEFAULT_CLOCK_SKEW);
    assertThat(verifier.verify(minter.mint(ADMIN, Duration.ofHours(1), SERVER_NOW.plusSeconds(30))).role())
        .isEqualTo(Role.ADMIN);
    assertThatThrownBy(() -> verifier.verify(minter.mint(ADMIN, Duration.ofHours(1), SERVER_NOW.plusSeconds(31))))
        .isInstanceOf(Unauthorized.class).hasMessageContaining("issued in the future");
  }

  @Test
  void anExpiredTokenIsAcceptedWithinTheLeewayOnly() {
    TokenVerifier verifier = verifier(TokenSettings.DEFAULT_CLOCK_SKEW);
    Instant issued = SERVER_NOW.minus(Duration.ofHours(1));
    assertThat(verifier.verify(minter.mint(ADMIN, Duration.ofHours(1).minusSeconds(29), issued))).isNotNull();
    assertThatThrownBy(() -> verifier.verify(minter.mint(ADMIN, Duration.ofHours(1).minusSeconds(31), issued)))
        .isInstanceOf(Unauthorized.class).hasMessageContaining("xpired");
  }

  @Test
  void theLeewayIsASettingInSecondsAndThirtyByDefault() {
    assertThat(TokenSettings.local(KEY).clockSkew()).isEqualTo(Duration.ofSeconds(30));
    TokenVerifier strict = verifier(Duration.ZERO);
    assertThatThrownBy(() -> strict.verify(minter.mint(ADMIN, Duration.ofHours(1), SERVER_NOW.plusSeconds(1))))
        .isInstanceOf(Unauthorized.class).hasMessageContaining("issued in the future");
  }

  @Test
  void aJwksWithoutAnIssuerIsRefusedAtStart() {
    assertThatThrownBy(() -> new TokenSettings(null, null, java.nio.file.Path.of("jwks.json"), null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--issuer");
  }

  @Test
  void aStakeholderTokenCarriesItsRespondentAndPerspectiveAndASurveyToolSaysSo() {
    TokenVerifier verifier = verifier(TokenSettings.DEFAULT_CLOCK_SKEW);
    Principal bound = verifier.verify(minter.mint(Principal.stakeholder("r-7", Perspective.CUSTOMER),
        Duration.ofHours(1), SERVER_NOW));
    assertThat(bound.respondentId()).isEqualTo("r-7");
    assertThat(bound.perspective()).isEqualTo(Perspective.CUSTOMER);
    Principal survey = verifier.verify(minter.mint(new Principal("survey", Role.STAKEHOLDER, null, null),
        Duration.ofHours(1), SERVER_NOW));
    assertThat(survey.isSurveyTool()).isTrue();
    assertThatThrownBy(() -> verifier.verify(minter.mint(new Principal("r-7", Role.STAKEHOLDER, null, "r-7"),
        Duration.ofHours(1), SERVER_NOW))).isInstanceOf(Unauthorized.class).hasMessageContaining("perspective");
  }
}
