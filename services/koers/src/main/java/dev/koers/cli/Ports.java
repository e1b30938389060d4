package dev.koers.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks up front that the ports we are asked to use are free, so the user hears which one and what to do. */
final class Ports {

  private Ports() {}

  static void requireFree(String host, int port, String option) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new UserError("port " + port + " on " + host + " is in use (" + option + "); stop what uses it, or "
          + "choose another port (0 picks any free one)");
    }
  }
}
