package dev.koers.ledger;

import dev.koers.domain.KeyClaim;
import dev.koers.schema.Outcome;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The idempotency keys the ledger has seen, per decision, and who holds each. Keys taken before keys had owners
 * (the older store, read only) have no known caller: they are refused to everyone rather than answered to
 * anyone, so no repeat makes a second event and no one reads another's outcome.
 */
final class KeyClaims {

  private final KeyValueStore<String, KeyClaim> claims;
  private final KeyValueStore<String, Outcome> ownerless;

  KeyClaims(ProcessorContext<?, ?> context) {
    this.claims = context.getStateStore(LedgerTopology.KEY_CLAIMS_STORE);
    this.ownerless = context.getStateStore(LedgerTopology.SUBMISSIONS_STORE);
  }

  Optional<KeyClaim> claim(String decisionId, String submissionId) {
    return Optional.ofNullable(claims.get(key(decisionId, submissionId)));
  }

  boolean takenWithoutOwner(String decisionId, String submissionId) {
    return ownerless.get(key(decisionId, submissionId)) != null;
  }

  void take(String decisionId, String submissionId, KeyClaim claim) {
    claims.put(key(decisionId, submissionId), claim);
  }

  private static String key(String decisionId, String submissionId) {
    return decisionId + "/" + submissionId;
  }
}
