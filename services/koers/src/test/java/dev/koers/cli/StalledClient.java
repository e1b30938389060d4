package dev.koers.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A hostile stream client: sends its request over a raw socket and then reads nothing, so the server's writes
 * to it fill the TCP window and block.
 */
final class StalledClient implements AutoCloseable {

  private final Socket socket;

  private StalledClient(Socket socket) {
    this.socket = socket;
  }

  static StalledClient open(int port, String path, String token) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096); // a small window, set before connecting so that it is offered
    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
        + "Authorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return new StalledClient(socket);
  }

  /** Starts reading at last, up to the server's end of the stream; each read waits at most the timeout. */
  String readToEnd(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
