package dev.koers.audit.replay;

import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.pass.LogListener;
import dev.koers.audit.verify.Finding;
import dev.koers.audit.verify.Findings;
import dev.koers.audit.verify.Problem;
import dev.koers.schema.DecisionEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds the selected decisions' events to the replay parts. With an as-of instant, each decision stops at its
 * first event recorded after it: the log could not have known a later event without that one.
 */
public final class Replay implements LogListener {

  private final Selection selection;
  private final Instant asOf;
  private final List<ReplayPart> parts;
  private final Findings findings;
  /** Per decision seen: whether its events still go to the parts. */
  private final Map<String, Boolean> feeding = new HashMap<>();
  private long replayedEvents;

  /** @param asOf null to replay everything */
  public Replay(Selection selection, Instant asOf, List<ReplayPart> parts, Findings findings) {
    this.selection = selection;
    this.asOf = asOf;
    this.parts = List.copyOf(parts);
    this.findings = findings;
  }

  @Override
  public void onEvent(LoggedEvent logged) {
    DecisionEvent event = logged.event();
    String id = event.getDecisionId();
    Boolean feed = feeding.get(id);
    if (feed == null) {
      feed = selection.mayAdmit(id) && selection.admits(event);
      feeding.put(id, feed);
    }
    if (!feed) {
      return;
    }
    if (asOf != null && event.getRecordedAt().isAfter(asOf)) {
      feeding.put(id, false);
      return;
    }
    replayedEvents++;
    for (ReplayPart part : parts) {
      try {
        part.accept(event);
      } catch (RuntimeException e) {
        findings.add(new Finding(Problem.REPLAY_FAILED, id, event.getSequence(), logged.position(),
            part.name() + ": " + e.getMessage()));
      }
    }
  }

  public long replayedEvents() {
    return replayedEvents;
  }

  public List<ReplayPart> parts() {
    return parts;
  }
}
