package dev.koers.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The mark on a query one instance relays to the instance that owns its key ({@code X-Koers-Forwarded}), so
 * that the owner answers from its own store and never relays again. Only the instances of this installation
 * can make a mark that checks: an HMAC of the path and the time under a key derived from the token key they
 * share. A mark that does not check (a client's) is refused; without a shared key nothing is relayed.
 */
final class RelayMark {

  static final String HEADER = "X-Koers-Forwarded";
  private static final String ALGORITHM = "HmacSHA256";
  /** How old a mark may be, and how far the instances' clocks may disagree. */
  private static final Duration FRESH = Duration.ofSeconds(30);

  private final SecretKeySpec key;
  private final Clock clock;

  private RelayMark(SecretKeySpec key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** {@code installationKey} null: this instance cannot relay, and takes no mark as valid. */
  static RelayMark of(byte[] installationKey, Clock clock) {
    if (installationKey == null) {
      return new RelayMark(null, clock);
    }
    // A key of its own, derived, so a mark is never also a token signature.
    byte[] derived = hmac(new SecretKeySpec(installationKey, ALGORITHM), "koers relay mark v1");
    return new RelayMark(new SecretKeySpec(derived, ALGORITHM), clock);
  }

  boolean canRelay() {
    return key != null;
  }

  String make(String pathAndQuery) {
    long seconds = clock.instant().getEpochSecond();
    return seconds + "." + signature(pathAndQuery, seconds);
  }

  /** True for a mark an instance of this installation made for this very request; false for none at all. */
  boolean relayed(String mark, String pathAndQuery) {
    if (mark == null) {
      return false;
    }
    int dot = mark.indexOf('.');
    if (key == null || dot < 1 || !fresh(mark.substring(0, dot)) || !MessageDigest.isEqual(
        mark.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
        signature(pathAndQuery, Long.parseLong(mark.substring(0, dot))).getBytes(StandardCharsets.US_ASCII))) {
      throw new ProblemException(Problem.badRequest(HEADER, HEADER + " is set only by the instances of this "
          + "installation when they relay a query; leave it out"));
    }
    return true;
  }

  private boolean fresh(String seconds) {
    if (!seconds.matches("\\d{1,12}")) {
      return false;
    }
    Instant made = Instant.ofEpochSecond(Long.parseLong(seconds));
    Instant now = clock.instant();
    return !made.isBefore(now.minus(FRESH)) && !made.isAfter(now.plus(FRESH));
  }

  private String signature(String pathAndQuery, long seconds) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, seconds + "\n" + pathAndQuery));
  }

  private static byte[] hmac(SecretKeySpec key, String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("cannot compute " + ALGORITHM + ": " + e.getMessage(), e);
    }
  }
}
