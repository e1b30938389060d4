package dev.koers.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Asks the OS for a free port, for "--port 0" where the port must be known before the server binds it. */
final class FreePort {

  private FreePort() {}

  static int pick() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
