package dev.koers.audit.pass;

import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.decode.UnreadableRecord;

/** One concern of a pass over the log (verify, replay, digest, export), fed every record in log order. */
public interface LogListener {

  /**
   * @param slot the event's decision, which the pass looked up once for all its listeners; a listener that keeps
   *     state per decision keeps it there (see {@link DecisionSlot}), others ignore it
   */
  void onEvent(LoggedEvent event, DecisionSlot slot);

  default void onUnreadable(UnreadableRecord record) {}
}
