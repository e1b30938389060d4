package dev.koers.audit.replay;

import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.pass.LogListener;
import dev.koers.audit.verify.Finding;
import dev.koers.audit.verify.Findings;
import dev.koers.audit.verify.Problem;
import dev.koers.domain.AsOfCut;
import dev.koers.schema.DecisionEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds the selected decisions' events to the replay parts. With an as-of instant, each decision stops at its
 * first event recorded after it, by the domain core's {@link AsOfCut}, the cut the API's as-of query makes.
 */
public final class Replay implements LogListener {

  private final Selection selection;
  private final AsOfCut cut;
  private final List<ReplayPart> parts;
  private final ReplayPart[] partArray;
  private final Findings findings;
  /** Per decision read, whether its events still go to the parts. */
  private final Map<String, Boolean> feeding = new HashMap<>();
  private long replayedEvents;

  /** @param asOf null to replay everything */
  public Replay(Selection selection, Instant asOf, List<ReplayPart> parts, Findings findings) {
    this.selection = selection;
    this.cut = new AsOfCut(asOf);
    this.parts = List.copyOf(parts);
    this.partArray = this.parts.toArray(ReplayPart[]::new);
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
    if (!cut.knew(event.getRecordedAt())) {
      feeding.put(id, false);
      return;
    }
    replayedEvents++;
    for (ReplayPart part : partArray) {
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
