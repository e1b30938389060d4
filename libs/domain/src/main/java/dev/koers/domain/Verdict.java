package dev.koers.domain;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/** What the {@link Decider} makes of one submission: the event payload to append, or the rule it broke. */
public sealed interface Verdict {

  /** The submission is accepted; {@code payload} is one of the {@code dev.koers.schema.event} records. */
  record Accept(SpecificRecord payload) implements Verdict {
    public Accept {
      Objects.requireNonNull(payload, "payload");
    }
  }

  /** The submission is rejected; {@code message} tells a person what failed and what would pass. */
  record Reject(Rule rule, String message) implements Verdict {
    public Reject {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(message, "message");
    }
  }
}
