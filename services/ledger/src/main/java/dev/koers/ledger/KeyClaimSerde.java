package dev.koers.ledger;

import dev.koers.domain.KeyClaim;
import dev.koers.schema.Outcome;
import dev.koers.wire.StateSerde;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A key claim in the store (state format), with the outcome as its Avro bytes so it comes back identical. */
final class KeyClaimSerde implements Serde<KeyClaim> {

  /** The stored form; {@code outcome} is the single-object encoded Outcome (raw bytes in Smile, base64 in the JSON of earlier versions). */
  record Stored(String caller, String fingerprint, byte[] outcome) {}

  private final StateSerde<Stored> json = StateSerde.of(Stored.class);
  private final Serde<Outcome> outcomes;

  KeyClaimSerde(Serde<Outcome> outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public Serializer<KeyClaim> serializer() {
    return (topic, claim) -> claim == null ? null : json.serializer().serialize(topic, new Stored(claim.caller(),
        claim.fingerprint(), outcomes.serializer().serialize(topic, claim.outcome())));
  }

  @Override
  public Deserializer<KeyClaim> deserializer() {
    return (topic, bytes) -> {
      Stored stored = json.deserializer().deserialize(topic, bytes);
      return stored == null ? null : new KeyClaim(stored.caller(), stored.fingerprint(),
          outcomes.deserializer().deserialize(topic, stored.outcome()));
    };
  }
}
