package dev.koers.api;

import dev.koers.domain.InputBounds;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Decision ids: 1..64 characters of [A-Za-z0-9._-], not "." or ".." (the domain's rule, InputBounds); made by
 * the server when the client gives none.
 */
final class DecisionIds {

  private DecisionIds() {}

  static String check(String field, String id) {
    InputBounds.decisionId(field, id).ifPresent(violation -> {
      throw JsonBody.bad(field, "'" + field + "': " + violation.message());
    });
    return id;
  }

  /**
   * With an Idempotency-Key the id is derived from it, so a retried open lands on the same decision (and the
   * same partition) and is recognised as a repeat; without one it is random.
   */
  static String newId(String actorId, String idempotencyKey) {
    if (idempotencyKey == null) {
      return UUID.randomUUID().toString();
    }
    return UUID.nameUUIDFromBytes((actorId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
