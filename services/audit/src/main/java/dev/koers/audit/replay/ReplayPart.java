package dev.koers.audit.replay;

import dev.koers.schema.DecisionEvent;

/**
 * One thing a replay rebuilds with the pure domain core, fed the selected decisions' events in log order (up
 * to {@code --as-of}). Its result becomes one member of the replay's JSON document, under {@link #name()}.
 * Plugging in a new fold (the metrics) is one small class implementing this.
 */
public interface ReplayPart {

  String name();

  /**
   * @throws RuntimeException when the domain core cannot apply the event; the replay reports it
   */
  void accept(DecisionEvent event);

  /** A value Jackson can write. */
  Object result();
}
