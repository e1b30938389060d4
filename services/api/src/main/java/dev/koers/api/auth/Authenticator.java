package dev.koers.api.auth;

import dev.koers.schema.Role;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Set;

/** Reads the bearer token of a request and checks that its role may use the route. */
public final class Authenticator {

  private static final String PREFIX = "Bearer ";

  private final TokenVerifier verifier;

  public Authenticator(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  public Principal require(Context ctx, Set<Role> allowed) {
    return session(ctx, allowed).principal();
  }

  /** As {@link #require}, and says until when the token holds. */
  public Session session(Context ctx, Set<Role> allowed) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw new Unauthorized("this call needs 'Authorization: Bearer <token>' (mint one with 'koers token')");
    }
    if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw new Unauthorized("the Authorization header must be 'Bearer <token>'");
    }
    Session session = verifier.session(header.substring(PREFIX.length()).strip());
    Principal principal = session.principal();
    if (!allowed.contains(principal.role())) {
      throw new Forbidden("a " + principal.role() + " token may not " + ctx.method() + " " + ctx.path()
          + "; allowed roles: " + Arrays.toString(allowed.stream().sorted().toArray()));
    }
    return session;
  }
}
