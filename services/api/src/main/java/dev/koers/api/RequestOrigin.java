package dev.koers.api;

import dev.koers.api.auth.Principal;
import dev.koers.wire.proof.FieldDigest;
import dev.koers.wire.proof.Origin;
import io.javalin.http.Context;

/**
 * Who sent a command request and what exactly they asked (docs/api.md#idempotency): the token's subject, and a
 * fingerprint of the method, the route, the decision id, the body's bytes and If-Match. An idempotency key is
 * answered again only to the same caller with the same fingerprint.
 */
final class RequestOrigin {

  private RequestOrigin() {}

  static Origin of(Context ctx, Principal principal, String decisionId) {
    String fingerprint = FieldDigest.sha256("koers-http-request-v1")
        .add(ctx.req().getMethod())
        .add(ctx.endpoint().path)
        .add(decisionId)
        .add(ctx.bodyAsBytes())
        .add(ctx.header("If-Match"))
        .hex();
    return new Origin("token:" + principal.subject(), fingerprint);
  }
}
