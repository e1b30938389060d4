package dev.koers.cli;

import java.time.Duration;

/** The token clock-skew option, in whole seconds as JWT times are. */
final class TokenClockSkew {

  private TokenClockSkew() {}

  static Duration seconds(int seconds) {
    if (seconds < 0) {
      throw new UserError("--token-clock-skew must be 0 or more seconds, was " + seconds);
    }
    return Duration.ofSeconds(seconds);
  }
}
