package dev.koers.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * One manager's steady load over HTTP: decision after decision, each opened, heard, decided and communicated,
 * every command with its own Idempotency-Key and retried as a real client would ({@link RetryingClient}); after
 * each acknowledged command it reads the decision back from the instances, at least at that sequence. It stops
 * when told, or at the first command that was not acknowledged.
 */
final class DecisionLives implements Runnable {

  /** A command the API acknowledged: the ledger took it as this event. */
  record Acked(String decisionId, String submissionId, String eventId, long sequence) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String[]> STEPS = List.of(
      new String[] {"/hearings", "{\"perspective\":\"CUSTOMER\",\"depth\":\"DIALOGUE\",\"summary\":\"heard\"}"},
      new String[] {"/outcome", "{\"outcome\":\"done so\",\"rationale\":\"because\",\"usesPower\":false}"},
      new String[] {"/communications", "{\"audience\":[\"CUSTOMER\"],\"channel\":\"briefing\"}"});

  private final String managerId;
  private final RetryingClient commands;
  private final RetryingClient queries;
  private final BooleanSupplier stop;
  private final ConcurrentLinkedQueue<Acked> acked;

  DecisionLives(String managerId, RetryingClient commands, RetryingClient queries, BooleanSupplier stop,
                ConcurrentLinkedQueue<Acked> acked) {
    this.managerId = managerId;
    this.commands = commands;
    this.queries = queries;
    this.stop = stop;
    this.acked = acked;
  }

  @Override
  public void run() {
    try {
      for (int n = 0; !stop.getAsBoolean(); n++) {
        String decisionId = managerId + "-d" + n;
        if (!command(decisionId, "/api/v1/decisions", "{\"decisionId\":\"" + decisionId + "\",\"title\":\"Rolling "
            + n + "\",\"unit\":\"unit-" + managerId + "\",\"managerId\":\"" + managerId
            + "\",\"activityGroup\":\"POWER\"}", 0)) {
          return;
        }
        for (int step = 0; step < STEPS.size() && !stop.getAsBoolean(); step++) {
          String[] command = STEPS.get(step);
          if (!command(decisionId, "/api/v1/decisions/" + decisionId + command[0], command[1], step + 1)) {
            return;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True when acknowledged and read back; false ends this manager's load (the tally says why). */
  private boolean command(String decisionId, String path, String body, int step) throws InterruptedException {
    String key = decisionId + "-c" + step;
    Optional<HttpResponse<String>> answer = commands.post(path, body, key);
    if (answer.isEmpty() || answer.get().statusCode() != 201) {
      return false;
    }
    JsonNode accepted = read(answer.get().body());
    long sequence = accepted.path("sequence").asLong();
    acked.add(new Acked(decisionId, key, accepted.path("eventId").asText(), sequence));
    Optional<HttpResponse<String>> view = queries.get("/api/v1/decisions/" + decisionId, "X-Koers-Min-Sequence",
        String.valueOf(sequence));
    return view.isPresent() && view.get().statusCode() == 200;
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
