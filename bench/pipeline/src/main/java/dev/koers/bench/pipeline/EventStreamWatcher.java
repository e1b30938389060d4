package dev.koers.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads the API's event stream ({@code GET /api/v1/stream}, every unit) as a dashboard does, and notes when each
 * decision was first seen at each sequence. The stream sends a view's state as the views commit it, so a
 * decision changed twice within one commit shows only its later sequence: a submission counts as seen with the
 * first document at its sequence or later. Reconnects when the server ends the stream, and counts it.
 */
final class EventStreamWatcher implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String url;
  private final String token;
  private final Map<String, ConcurrentSkipListMap<Long, Long>> seen = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> endings = new ConcurrentHashMap<>();
  private final Thread reader;
  private volatile boolean open = true;
  private volatile Stream<String> lines;

  EventStreamWatcher(HttpClient http, String apiUrl, String token) {
    this.http = http;
    this.url = apiUrl + "/api/v1/stream";
    this.token = token;
    this.reader = new Thread(this::readUntilClosed, "bench-event-stream");
    reader.setDaemon(true);
    reader.start();
  }

  /** When the decision was first seen at {@code sequence} or later, on System.nanoTime's clock; null if never. */
  Long firstSeen(String decisionId, long sequence) {
    ConcurrentSkipListMap<Long, Long> bySequence = seen.get(decisionId);
    Map.Entry<Long, Long> entry = bySequence == null ? null : bySequence.ceilingEntry(sequence);
    return entry == null ? null : entry.getValue();
  }

  /** Why the stream ended and was opened again, and how often. */
  Map<String, AtomicInteger> endings() {
    return endings;
  }

  private void readUntilClosed() {
    while (open) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
          .header("Authorization", "Bearer " + token).GET().build();
      try {
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
          ended("HTTP " + response.statusCode());
          Thread.sleep(1000);
          continue;
        }
        lines = response.body();
        String[] event = {""};
        lines.forEach(line -> event[0] = read(line, event[0]));
        ended("server ended it");
      } catch (IOException | RuntimeException e) {
        if (open) {
          ended(e.getClass().getSimpleName());
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Returns the event type in force after {@code line}. */
  private String read(String line, String event) {
    long at = System.nanoTime();
    if (line.startsWith("event:")) {
      return line.substring(6).strip();
    }
    if (line.startsWith("data:") && event.equals("decision")) {
      try {
        JsonNode document = JSON.readTree(line.substring(5));
        seen.computeIfAbsent(document.path("decisionId").asText(), id -> new ConcurrentSkipListMap<>())
            .putIfAbsent(document.path("sequence").asLong(), at);
      } catch (IOException e) {
        ended("unreadable data");
      }
    } else if (line.startsWith("data:") && event.equals("error")) {
      ended(line.substring(5).strip());
    }
    return line.isEmpty() ? "" : event;
  }

  private void ended(String why) {
    endings.computeIfAbsent(why, w -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public void close() {
    open = false;
    Stream<String> current = lines;
    if (current != null) {
      current.close();
    }
    reader.interrupt();
  }
}
