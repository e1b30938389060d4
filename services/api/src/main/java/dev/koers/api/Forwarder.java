package dev.koers.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the views instance that owns a key, with the caller's own token, and relays its answer. It asks only
 * an address that the Streams metadata of this application names as one of its instances right now, so a
 * caller's token never goes anywhere else; the request carries a {@link RelayMark} so that the owner answers
 * from its own store and never relays again.
 */
final class Forwarder {

  private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
  /** A host name or IPv4 address, or an IPv6 address in brackets, and a port: nothing that bends the URL. */
  private static final Pattern HOST_AND_PORT =
      Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}\\]):\\d{1,5}");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final Duration timeout;
  private final RelayMark mark;
  private final Predicate<String> instances;

  /**
   * The owner may wait up to {@code ownerWait} for a {@code minSequence} before it answers; {@code instances}:
   * whether a host:port is one of this application's instances right now.
   */
  Forwarder(Duration ownerWait, RelayMark mark, Predicate<String> instances) {
    this.timeout = Duration.ofSeconds(5).plus(ownerWait);
    this.mark = mark;
    this.instances = instances;
  }

  /** True when another instance of this installation relayed the request; a client's mark is refused (400). */
  boolean isForwarded(Context ctx) {
    return mark.relayed(ctx.header(RelayMark.HEADER), OwnerRouting.pathAndQuery(ctx));
  }

  HttpResponse<String> get(Context ctx, String hostAndPort, String pathAndQuery) {
    if (!mark.canRelay()) {
      throw new ProblemException(Problem.unavailable("another instance answers this, and this one cannot relay "
          + "to it: the instances of one installation relay with the token key they share (--token-key-file)"), 1);
    }
    if (!HOST_AND_PORT.matcher(hostAndPort).matches() || !instances.test(hostAndPort)) {
      LOG.warn("Refused to relay a query to {}: not an instance of this application in its Streams metadata",
          hostAndPort);
      throw new ProblemException(Problem.unavailable("the instance said to own this is not one of this "
          + "installation's instances right now; try again"), 1);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + hostAndPort + pathAndQuery))
        .timeout(timeout).header(RelayMark.HEADER, mark.make(pathAndQuery)).GET();
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    String minSequence = ctx.header(MinSequence.HEADER);
    if (minSequence != null) {
      request.header(MinSequence.HEADER, minSequence);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProblemException(Problem.unavailable("the views instance at " + hostAndPort
          + " that owns this key did not answer: " + e.getMessage()), 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemException(Problem.unavailable("interrupted while asking " + hostAndPort), 1);
    }
  }

  /** Relays the owner's answer as it is: status, content type, ETag, body. */
  static void relay(Context ctx, HttpResponse<String> response) {
    ctx.status(response.statusCode());
    response.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
    response.headers().firstValue("ETag").ifPresent(v -> ctx.header("ETag", v));
    response.headers().firstValue("Retry-After").ifPresent(v -> ctx.header("Retry-After", v));
    response.headers().firstValue("X-Koers-Instance").ifPresent(v -> ctx.header("X-Koers-Instance", v));
    ctx.result(response.body());
  }
}
