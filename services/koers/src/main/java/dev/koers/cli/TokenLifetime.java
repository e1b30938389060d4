package dev.koers.cli;

import java.time.Duration;

/** A minted token lives at most so long: a leaked token stops working by itself. */
final class TokenLifetime {

  static final Duration DEFAULT_MAX = Duration.ofHours(24);

  private TokenLifetime() {}

  static Duration check(Duration asked, Duration max, String askedOption, String maxOption) {
    if (asked.isNegative() || asked.isZero()) {
      throw new UserError(askedOption + " must be longer than zero, was " + asked);
    }
    if (asked.compareTo(max) > 0) {
      throw new UserError(askedOption + " " + asked + " is longer than the maximum of " + max
          + "; ask for at most " + max + ", or raise " + maxOption);
    }
    return asked;
  }
}
