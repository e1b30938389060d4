package dev.koers.cluster;

import dev.koers.schema.DecisionEvent;
import dev.koers.testkit.TopicReader;
import dev.koers.wire.KoersTopics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Holds the acknowledgements against the log as a consumer reads it (read_committed): every accepted submission
 * is there exactly once with the event its client was told of, nothing refused is there, and no submission of
 * any client (acknowledged or not) is there twice.
 */
public final class LogCheck {

  /** What was found; every list empty means exactly once. */
  public record Findings(int events, List<String> duplicated, List<String> missing, List<String> differing,
                         List<String> refusedButLogged) {

    public boolean exactlyOnce() {
      return duplicated.isEmpty() && missing.isEmpty() && differing.isEmpty() && refusedButLogged.isEmpty();
    }

    @Override
    public String toString() {
      return events + " events; duplicated " + first(duplicated) + "; missing " + first(missing) + "; differing "
          + first(differing) + "; refused but logged " + first(refusedButLogged);
    }

    private static String first(List<String> items) {
      return items.size() + " " + items.subList(0, Math.min(10, items.size()));
    }
  }

  private LogCheck() {}

  public static List<DecisionEvent> events(String bootstrapServers, KoersTopics topics) {
    try (TopicReader<String, DecisionEvent> reader = new TopicReader<>(bootstrapServers, topics.events().name(),
        IsolationLevel.READ_COMMITTED, Serdes.String().deserializer(), topics.events().valueSerde().deserializer())) {
      return reader.values();
    }
  }

  public static Findings check(List<DecisionEvent> log, List<Acknowledgement> acknowledgements) {
    Map<String, List<DecisionEvent>> bySubmission = new HashMap<>();
    for (DecisionEvent event : log) {
      bySubmission.computeIfAbsent(event.getDecisionId() + "/" + event.getSubmissionId(), k -> new ArrayList<>())
          .add(event);
    }
    List<String> duplicated = bySubmission.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .map(e -> e.getKey() + " x" + e.getValue().size()).toList();
    List<String> missing = new ArrayList<>();
    List<String> differing = new ArrayList<>();
    List<String> refusedButLogged = new ArrayList<>();
    for (Acknowledgement ack : acknowledgements) {
      List<DecisionEvent> events = bySubmission.getOrDefault(ack.key(), List.of());
      if (!ack.accepted()) {
        if (!events.isEmpty()) {
          refusedButLogged.add(ack.key() + " (" + ack.answer() + ")");
        }
      } else if (events.isEmpty()) {
        missing.add(ack.key() + " acknowledged at " + ack.at());
      } else if (!events.get(0).getEventId().equals(ack.eventId()) || events.get(0).getSequence() != ack.sequence()) {
        differing.add(ack.key() + ": told " + ack.eventId() + "#" + ack.sequence() + ", logged "
            + events.get(0).getEventId() + "#" + events.get(0).getSequence());
      }
    }
    return new Findings(log.size(), duplicated, missing, differing, refusedButLogged);
  }
}
