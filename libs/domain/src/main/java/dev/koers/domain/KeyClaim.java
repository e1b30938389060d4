package dev.koers.domain;

import dev.koers.schema.Outcome;
import dev.koers.schema.Rejected;
import java.util.Objects;
import java.util.Optional;

/**
 * An idempotency key taken on a decision: who took it, for which request, and the first outcome. The same
 * caller with the same request gets that outcome again, forever; anyone else is refused, and the refusal is
 * never the key's outcome (so nobody can take over or spoil a key by sending it first with other bytes).
 *
 * @param caller who sent the first request with this key
 * @param fingerprint the first request's fingerprint
 * @param outcome what the first request was answered
 */
public record KeyClaim(String caller, String fingerprint, Outcome outcome) {

  public KeyClaim {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * Whether another caller may take this key over: only when its holder was refused as not allowed to act on
   * the decision (FORBIDDEN). So a caller who may not act cannot squat on a key that the decision's rightful
   * user then finds taken; the holder's own repeats still get their first outcome until then.
   */
  public boolean yieldsTo(String otherCaller) {
    return !caller.equals(otherCaller) && forbidden(outcome);
  }

  private static boolean forbidden(Outcome outcome) {
    if (!(outcome.getResult() instanceof Rejected rejected)) {
      return false;
    }
    try {
      return Rule.valueOf(rejected.getRule()).outcomeClass() == Rule.OutcomeClass.FORBIDDEN;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  /** Empty when this is the key's own caller repeating its own request; otherwise why it is refused. */
  public Optional<Verdict.Reject> refusal(String otherCaller, String otherFingerprint, String key) {
    if (!caller.equals(otherCaller)) {
      return Optional.of(inUse(key));
    }
    if (!fingerprint.equals(otherFingerprint)) {
      return Optional.of(new Verdict.Reject(Rule.IDEMPOTENCY_KEY_REUSED, "idempotency key '" + key
          + "' was already used for a different request; send a new key for a new request"));
    }
    return Optional.empty();
  }

  /** The refusal of a key that another caller holds, which says nothing of that caller or its outcome. */
  public static Verdict.Reject inUse(String key) {
    return new Verdict.Reject(Rule.IDEMPOTENCY_KEY_IN_USE, "idempotency key '" + key
        + "' is already in use on this decision by another caller; choose another key");
  }
}
