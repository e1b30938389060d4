package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A well-behaved subscriber of /api/v1/stream: reads every line in the background and keeps it. */
final class StreamSubscriber implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpResponse<Stream<String>> response;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private volatile boolean ended;

  private StreamSubscriber(HttpResponse<Stream<String>> response) {
    this.response = response;
    Thread reader = new Thread(this::read, "sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens the stream (path with its query) and starts reading; refusals are kept as lines too. */
  static StreamSubscriber open(String baseUrl, String pathAndQuery, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
        .timeout(Duration.ofSeconds(30)).GET().build();
    return new StreamSubscriber(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()));
  }

  /** Opens the whole stream, checks it is accepted and waits for its first comment. */
  static StreamSubscriber subscribed(String baseUrl, String token) throws Exception {
    StreamSubscriber subscriber = open(baseUrl, "/api/v1/stream", token);
    assertThat(subscriber.status()).as(subscriber.body()).isEqualTo(200);
    await("the stream's first comment").atMost(Duration.ofSeconds(30)).until(subscriber::subscribed);
    return subscriber;
  }

  private void read() {
    try {
      response.body().forEach(lines::add);
    } catch (UncheckedIOException | IllegalStateException e) {
      lines.add("# stopped reading: " + e.getMessage()); // the connection failed, or the test closed it first
    } finally {
      ended = true;
    }
  }

  int status() {
    return response.statusCode();
  }

  String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** True once the server ended the stream. */
  boolean ended() {
    return ended;
  }

  boolean subscribed() {
    return lines.stream().anyMatch(line -> line.startsWith(": subscribed"));
  }

  String body() {
    return String.join("\n", lines);
  }

  /** The data of every complete event of one name seen so far. */
  List<JsonNode> data(String event) {
    List<String> seen = List.copyOf(lines);
    List<JsonNode> found = new ArrayList<>();
    for (int i = 0; i + 1 < seen.size(); i++) {
      if (seen.get(i).equals("event: " + event) && seen.get(i + 1).startsWith("data: ")) {
        try {
          found.add(JSON.readTree(seen.get(i + 1).substring("data: ".length())));
        } catch (IOException e) {
          throw new AssertionError("not JSON: " + seen.get(i + 1), e);
        }
      }
    }
    return found;
  }

  /** The latest event of one name that matches, or null. */
  JsonNode last(String event, Predicate<JsonNode> which) {
    List<JsonNode> matching = data(event).stream().filter(which).toList();
    return matching.isEmpty() ? null : matching.get(matching.size() - 1);
  }

  @Override
  public void close() {
    response.body().close();
  }
}
