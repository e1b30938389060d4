package dev.koers.audit.pass;

import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.decode.UnreadableRecord;

/** One concern of a pass over the log (verify, replay, digest, export), fed every record in log order. */
public interface LogListener {

  void onEvent(LoggedEvent event);

  /**
   * The same, with the decision's slot, which the pass looked up once for all its listeners; a listener that
   * keeps state per decision keeps it there (see {@link DecisionSlot}).
   */
  default void onEvent(LoggedEvent event, DecisionSlot slot) {
    onEvent(event);
  }

  default void onUnreadable(UnreadableRecord record) {}
}
