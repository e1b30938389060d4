package dev.koers.ledger;

import dev.koers.domain.Decider;
import dev.koers.domain.LedgerStep;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import dev.koers.wire.proof.SubmissionKey;
import java.time.Duration;

/** The ledger service: the only writer of the decision log. */
public final class Ledger {

  public static final String APPLICATION_ID = "koers-ledger";

  private Ledger() {}

  /** @param submissionKey the key whose proof a submission must carry (docs/ledger.md#proof) */
  public static StreamsService create(KoersTopics topics, StreamsSettings settings, Duration clockSkew,
                                      SubmissionKey submissionKey) {
    return new StreamsService("ledger",
        LedgerTopology.build(topics, () -> new LedgerStep(new Decider(clockSkew)), submissionKey), settings,
        topics.deadLetter().name());
  }
}
