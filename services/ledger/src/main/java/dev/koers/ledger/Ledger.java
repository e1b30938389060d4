package dev.koers.ledger;

import dev.koers.domain.Decider;
import dev.koers.domain.LedgerStep;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import java.time.Duration;

/** The ledger service: the only writer of the decision log. */
public final class Ledger {

  public static final String APPLICATION_ID = "koers-ledger";

  private Ledger() {}

  public static StreamsService create(KoersTopics topics, StreamsSettings settings, Duration clockSkew) {
    return new StreamsService("ledger",
        LedgerTopology.build(topics, () -> new LedgerStep(new Decider(clockSkew))), settings,
        topics.deadLetter().name());
  }
}
