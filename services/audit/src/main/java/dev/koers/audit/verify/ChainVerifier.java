package dev.koers.audit.verify;

import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.decode.UnreadableRecord;
import dev.koers.audit.log.RecordPosition;
import dev.koers.audit.pass.LogListener;
import dev.koers.domain.ChainLink;
import dev.koers.domain.Evolver;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.event.DecisionOpened;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Checks every decision's chain as the log is read: each record's own hash, the previousHash link, sequences
 * 1..n without gaps or repeats (the domain core's {@link ChainLink}), the opening first, and each transition by
 * the domain core's table ({@link Evolver#statusAfter}): the same two answers the ledger's Evolver gives.
 * Every break becomes a {@link Finding} at the record where it shows; reading goes on.
 */
public final class ChainVerifier implements LogListener {

  /** Each decision's chain so far, by decision id. */
  private final Map<String, ChainCursor> chains = new HashMap<>();
  private final Findings findings;

  public ChainVerifier(Findings findings) {
    this.findings = findings;
  }

  public int decisions() {
    return chains.size();
  }

  @Override
  public void onUnreadable(UnreadableRecord record) {
    findings.add(new Finding(Problem.UNDECODABLE, record.key(), null, record.position(), record.reason()));
  }

  @Override
  public void onEvent(LoggedEvent logged) {
    DecisionEvent event = logged.event();
    String decisionId = event.getDecisionId();
    RecordPosition position = logged.position();
    if (!logged.hashMatches()) {
      report(Problem.HASH_MISMATCH, event, position,
          "SHA-256 of the record's body (minus its last 32 bytes) is not its stored hash " + shortHex(event));
    }
    if (!decisionId.equals(logged.key())) {
      report(Problem.KEY_MISMATCH, event, position, "the record's key is '" + logged.key() + "'");
    }
    ChainCursor cursor = chains.get(decisionId);
    if (cursor == null) {
      cursor = new ChainCursor(position.partition());
      chains.put(decisionId, cursor);
    } else if (cursor.partition != position.partition()) {
      report(Problem.WRONG_PARTITION, event, position,
          "earlier events of this decision are in partition " + cursor.partition);
    }
    checkSequence(cursor, event, position);
    checkLink(cursor, event, position);
    checkTransition(cursor, event, position);
    cursor.lastSequence = event.getSequence();
    // Copied, not referenced: a cursor that points into each new event is new garbage for every collection to copy.
    System.arraycopy(event.getHash().bytes(), 0, cursor.lastHash, 0, HashChain.HASH_BYTES);
    cursor.lastOffset = position.offset();
  }

  /** The domain core's link check ({@link ChainLink}, which the ledger's Evolver makes), on the cursor's copy. */
  private void checkSequence(ChainCursor cursor, DecisionEvent event, RecordPosition position) {
    long expected = cursor.lastSequence + 1;
    long sequence = event.getSequence();
    switch (ChainLink.sequenceFit(cursor.lastSequence, sequence)) {
      case GAP -> report(Problem.SEQUENCE_GAP, event, position, "sequence " + sequence + " where " + expected
          + " was expected: " + (sequence - expected) + " event(s) missing" + after(cursor));
      case REPEAT -> report(Problem.SEQUENCE_REPEAT, event, position, "sequence " + sequence + " where " + expected
          + " was expected" + after(cursor));
      case NEXT -> { }
    }
  }

  private void checkLink(ChainCursor cursor, DecisionEvent event, RecordPosition position) {
    if (ChainLink.links(event.getPreviousHash(), cursor.lastHash)) {
      return;
    }
    String expected = cursor.lastOffset < 0
        ? "32 zero bytes, as this is the decision's first event in the log"
        : "the hash of #" + cursor.lastSequence + " at offset " + cursor.lastOffset + ", "
            + abbreviate(HexFormat.of().formatHex(cursor.lastHash));
    report(Problem.LINK_BROKEN, event, position,
        "previousHash " + abbreviate(HashChain.hex(event.getPreviousHash())) + " is not " + expected);
  }

  /**
   * Whether this kind of event may follow the decision's status, by the domain core's transition table. Sequence
   * and link are checked above, on the raw hashes; a refused event leaves the status as it was.
   */
  private void checkTransition(ChainCursor cursor, DecisionEvent event, RecordPosition position) {
    if (cursor.status == null && !(event.getPayload() instanceof DecisionOpened)) {
      if (!cursor.openingMissingReported) {
        cursor.openingMissingReported = true;
        report(Problem.OPENING_MISSING, event, position, "the first event read for this decision is "
            + event.getPayload().getClass().getSimpleName());
      }
      return;
    }
    try {
      cursor.status = Evolver.statusAfter(cursor.status, event);
    } catch (IllegalStateException e) {
      report(Problem.INVALID_TRANSITION, event, position, e.getMessage());
    }
  }

  private void report(Problem problem, DecisionEvent event, RecordPosition position, String detail) {
    findings.add(new Finding(problem, event.getDecisionId(), event.getSequence(), position, detail));
  }

  private static String after(ChainCursor cursor) {
    return cursor.lastOffset < 0 ? " (first event read for this decision)"
        : " (the chain was at #" + cursor.lastSequence + ", offset " + cursor.lastOffset + ")";
  }

  private static String shortHex(DecisionEvent event) {
    return abbreviate(HashChain.hex(event.getHash()));
  }

  private static String abbreviate(String hex) {
    return hex.substring(0, 12) + "…";
  }
}
