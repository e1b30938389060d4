package dev.koers.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** Decision ids: 1..64 characters of [A-Za-z0-9._-]; made by the server when the client gives none. */
final class DecisionIds {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private DecisionIds() {}

  static String check(String field, String id) {
    if (!VALID.matcher(id).matches()) {
      throw JsonBody.bad(field, "'" + field + "' must be 1..64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
    }
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
