package dev.koers.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Where a node serves HTTP, and the address other instances use to reach it. */
final class HttpOptions {

  @Option(names = "--host", defaultValue = "0.0.0.0", description = "HTTP address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--advertised-host", description = "The host name other instances reach this one by (default: the machine's host name).")
  String advertisedHost;

  @Option(names = "--drain-delay", defaultValue = "PT2S", description = "On SIGTERM, how long to keep serving while /ready says 503 and every answer closes its connection, so a load balancer and kept-alive clients move to another instance before the listener closes; set it to what your load balancer needs to notice (default: ${DEFAULT-VALUE}).")
  Duration drainDelay;

  String advertisedHostOrDefault() {
    if (advertisedHost != null) {
      return advertisedHost;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }
}
