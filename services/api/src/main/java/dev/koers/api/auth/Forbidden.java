package dev.koers.api.auth;

/** A valid token whose role or binding does not allow this request. */
public final class Forbidden extends RuntimeException {

  public Forbidden(String message) {
    super(message, null, false, false);
  }
}
