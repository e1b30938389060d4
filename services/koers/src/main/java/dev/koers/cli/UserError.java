package dev.koers.cli;

/** Something the user can fix (a busy port, a missing key): said in one line, without a stack trace. */
final class UserError extends RuntimeException {

  UserError(String message) {
    super(message, null, false, false);
  }
}
