package dev.koers.domain;

import dev.koers.schema.Actor;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/** An event the log already holds, before the envelope (sequence, hashes) is added. */
record Fact(SpecificRecord payload, Instant occurredAt, Actor actor) {

  Fact at(Instant when) {
    return new Fact(payload, when, actor);
  }

  Fact by(Actor who) {
    return new Fact(payload, occurredAt, who);
  }
}
