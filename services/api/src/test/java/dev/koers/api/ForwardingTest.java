package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.api.auth.TokenSettings;
import dev.koers.api.auth.TokenVerifier;
import dev.koers.schema.Role;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Queries are relayed only between the instances of one installation: a client cannot pass for one
 * ({@code X-Koers-Forwarded} is refused unless an instance signed it), and a caller's token goes only to an
 * address the Streams metadata names as an instance of this application, never elsewhere. Real HTTP servers;
 * the views are fixed, so the metadata is whatever each test says it is.
 */
@Tag("attack")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardingTest {

  private static final Instant NOW = Instant.now();
  private static final byte[] KEY = "forwarding-test-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8);
  private static final List<String> QUERIES = List.of("/api/v1/decisions/d-1", "/api/v1/decisions/d-1/events",
      "/api/v1/units/u/metrics", "/api/v1/managers/m-1/metrics/weekly");

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> reachedElsewhere = new CopyOnWriteArrayList<>();
  private final List<ApiServer> servers = new ArrayList<>();
  private final String token = new TokenMinter(KEY).mint(new Principal("v", Role.VIEWER, null, null),
      Duration.ofMinutes(10), NOW);
  private HttpServer elsewhere;
  private String owner;
  private String relaying;

  @BeforeAll
  void start() throws IOException {
    // A server that is not an instance: anything that reaches it (a token above all) is a leak.
    elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    elsewhere.createContext("/", exchange -> {
      reachedElsewhere.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    elsewhere.start();
    // The owner names itself in X-Koers-Instance by the port it was given, so it gets a fixed one.
    int ownerPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ownerPort = free.getLocalPort();
    }
    owner = "127.0.0.1:" + ownerPort;
    servers.add(ApiServer.start(new ApiSettings("127.0.0.1", ownerPort, KEY), backends(OneDecisionViews.local(NOW))));
    relaying = base(server(new OneDecisionViews(NOW, Optional.of(owner), Set.of(owner)), KEY));
  }

  @AfterAll
  void stop() {
    servers.forEach(ApiServer::close);
    elsewhere.stop(0);
  }

  @Test
  void aQueryForAKeyAnotherInstanceOwnsIsRelayedToItAndAnswered() throws Exception {
    for (String query : QUERIES) {
      HttpResponse<String> answer = get(relaying, query);
      assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(200);
      assertThat(answer.headers().firstValue("X-Koers-Instance")).as(query).contains(owner);
    }
    assertThat(json.readTree(get(relaying, "/api/v1/decisions").body()).get("items")).hasSize(2);
  }

  @Test
  void aForwardedHeaderAClientSetsIsRefused() throws Exception {
    for (String base : List.of("http://" + owner, relaying)) {
      for (String forged : List.of("1", "true", "0.AAAA", NOW.getEpochSecond() + ".c2lnbmF0dXJl")) {
        for (String query : List.of(QUERIES.get(0), "/api/v1/decisions?unit=u")) {
          HttpResponse<String> answer = get(base, query, RelayMark.HEADER, forged);
          assertThat(answer.statusCode()).as(base + query + " with " + forged).isEqualTo(400);
          assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith(Problem.MEDIA_TYPE);
          assertThat(json.readTree(answer.body()).get("field").asText()).isEqualTo(RelayMark.HEADER);
        }
      }
    }
  }

  @Test
  void aRelayGoesOnlyToAnAddressTheStreamsMetadataNamesAsAnInstance() throws Exception {
    String notAnInstance = elsewhere.getAddress().getHostString() + ":" + elsewhere.getAddress().getPort();
    List<String> relayingToStrangers = List.of(
        base(server(new OneDecisionViews(NOW, Optional.of(notAnInstance), Set.of(owner)), KEY)),
        base(server(new OneDecisionViews(NOW, Optional.of(notAnInstance + "/x?"), Set.of(notAnInstance + "/x?")),
            KEY)),
        base(server(new OneDecisionViews(NOW, Optional.of("user@" + notAnInstance), Set.of("user@" + notAnInstance)),
            KEY)));
    for (String base : relayingToStrangers) {
      for (String query : QUERIES) {
        HttpResponse<String> answer = get(base, query);
        assertThat(answer.statusCode()).as(base + query + ": " + answer.body()).isEqualTo(503);
        assertThat(answer.body()).doesNotContain(notAnInstance);
      }
    }
    assertThat(reachedElsewhere).as("requests that reached a server that is no instance").isEmpty();
  }

  @Test
  void anInstanceWithoutTheSharedKeyRelaysNothing() throws Exception {
    String keyless = base(server(new OneDecisionViews(NOW, Optional.of(owner), Set.of(owner)), null));
    HttpResponse<String> answer = get(keyless, QUERIES.get(0));
    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.body()).contains("--token-key-file");
  }

  private ApiServer server(ViewAccess views, byte[] installationKey) {
    ApiServer server = ApiServer.start(new ApiSettings("127.0.0.1", 0, installationKey), backends(views));
    servers.add(server);
    return server;
  }

  private static ApiBackends backends(ViewAccess views) {
    return new ApiBackends(new TokenVerifier(TokenSettings.local(KEY)), null, views, List::of,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null);
  }

  private static String base(ApiServer server) {
    return "http://127.0.0.1:" + server.port();
  }

  private HttpResponse<String> get(String base, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
