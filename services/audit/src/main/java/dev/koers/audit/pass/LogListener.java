package dev.koers.audit.pass;

import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.decode.UnreadableRecord;

/** One concern of a pass over the log (verify, replay, digest, export), fed every record in log order. */
public interface LogListener {

  void onEvent(LoggedEvent event);

  default void onUnreadable(UnreadableRecord record) {}
}
