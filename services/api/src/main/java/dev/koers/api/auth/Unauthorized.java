package dev.koers.api.auth;

/** The request carries no usable token: missing, malformed, expired, unsigned or signed with another key. */
public final class Unauthorized extends RuntimeException {

  public Unauthorized(String message) {
    super(message, null, false, false);
  }
}
