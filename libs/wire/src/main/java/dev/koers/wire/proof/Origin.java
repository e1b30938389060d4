package dev.koers.wire.proof;

import java.util.Objects;

/**
 * Who sent a submission and what exactly they asked, as the submitter vouches for it: the authenticated
 * caller (a token's subject at the HTTP edge) and a fingerprint of the request. An idempotency key belongs to
 * its caller, and a repeat must be the same request (docs/api.md#idempotency).
 *
 * @param caller who sent it, as the submitter authenticated them; 1..256 characters
 * @param fingerprint a hash of the request, hex; the same request always gives the same one
 */
public record Origin(String caller, String fingerprint) {

  public Origin {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (caller.isEmpty() || caller.length() > 256) {
      throw new IllegalArgumentException("a caller is 1..256 characters");
    }
  }
}
