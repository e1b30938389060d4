package dev.koers.wire.proof;

import java.util.Objects;

/**
 * Who sent a submission and what exactly they asked, as the submitter vouches for it: the authenticated
 * caller (a token's subject at the HTTP edge) and a fingerprint of the request. An idempotency key belongs to
 * its caller, and a repeat must be the same request (docs/api.md#idempotency).
 *
 * @param caller who sent it, as the submitter authenticated them; 1..{@value #MAX_CALLER} characters
 * @param fingerprint a hash of the request, hex; the same request always gives the same one
 */
public record Origin(String caller, String fingerprint) {

  /** Room for a role and the longest actor id the log takes (200 code points, up to 400 UTF-16 characters). */
  public static final int MAX_CALLER = 1024;

  public Origin {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (caller.isEmpty() || caller.length() > MAX_CALLER) {
      throw new IllegalArgumentException("a caller is 1.." + MAX_CALLER + " characters");
    }
  }
}
