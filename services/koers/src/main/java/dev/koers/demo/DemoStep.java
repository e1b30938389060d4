package dev.koers.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.api.auth.Principal;
import java.time.Instant;
import java.util.Set;

/**
 * One request of the demo: who sends it, where, with which body, when it occurs (it is sent once that moment
 * has come), and for a deliberately bad request the rules that must refuse it (empty: it must be accepted).
 */
public record DemoStep(String decisionId, String idempotencyKey, Principal actor, String path, ObjectNode body,
                       Instant occurredAt, Set<String> refusedBy) {

  public boolean deliberatelyBad() {
    return !refusedBy.isEmpty();
  }

  public String kind() {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
