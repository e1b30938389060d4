package dev.koers.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's graceful stop for the API: once stopping, the listening socket closes (a new connection is refused, so
 * a client or load balancer takes another instance), requests in flight run to their end, and a request that
 * still arrives on an open connection is answered as every other retryable refusal is: 503 problem+json with
 * Retry-After, and Connection: close.
 */
final class DrainingHandler extends GracefulHandler {

  private final byte[] refusal;

  private DrainingHandler(byte[] refusal) {
    this.refusal = refusal;
  }

  /** Puts the handler in front of the server's and bounds how long a stop waits for requests in flight. */
  static void install(Server server, Duration drainBound, ObjectMapper mapper) {
    try {
      byte[] refusal = mapper.writeValueAsBytes(Problem.unavailable(
          "this instance is shutting down; send the request again (another instance answers it), with the same "
              + "Idempotency-Key for a command"));
      server.insertHandler(new DrainingHandler(refusal));
      server.setStopTimeout(drainBound.toMillis());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the shutdown problem", e);
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!isShutdown()) {
      return super.handle(request, response, callback);
    }
    refuse(response, callback);
    return true;
  }

  private void refuse(Response response, Callback callback) {
    response.setStatus(503);
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.write(true, ByteBuffer.wrap(refusal), callback);
  }
}
