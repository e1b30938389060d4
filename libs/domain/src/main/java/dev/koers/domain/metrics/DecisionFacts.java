package dev.koers.domain.metrics;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * What the metrics need to know about one decision, folded from its events by {@link DecisionFactsFold}.
 *
 * <p>A plain record of records, lists and maps, so that a state store can keep it as JSON (Jackson with its
 * JavaTimeModule, instants as ISO strings); maps are sorted so that the JSON is the same for equal facts.
 *
 * @param decisionId the decision's id
 * @param sequence the sequence of the last event folded in: a redelivered event is recognised by it
 * @param unit the unit from the opening
 * @param managerId the owning manager from the opening
 * @param activityGroup the activity group from the opening
 * @param openedAt {@code occurredAt} of the opening
 * @param dueBy the due date of the opening, or null
 * @param decidedAt {@code occurredAt} of the first (only) {@code DecisionMade}, or null
 * @param firstCommunicatedAt the earliest {@code occurredAt} of its communications, or null
 * @param withdrawnAt {@code occurredAt} of the withdrawal, or null
 * @param revisions {@code occurredAt} of every revision, in log order
 * @param hearings every hearing, in log order
 * @param feedback the current feedback of each respondent, by respondent id
 */
public record DecisionFacts(
    String decisionId,
    long sequence,
    String unit,
    String managerId,
    ActivityGroup activityGroup,
    Instant openedAt,
    Instant dueBy,
    Instant decidedAt,
    Instant firstCommunicatedAt,
    Instant withdrawnAt,
    List<Instant> revisions,
    List<HeardFact> hearings,
    Map<String, FeedbackFact> feedback) {

  public DecisionFacts {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(managerId, "managerId");
    Objects.requireNonNull(activityGroup, "activityGroup");
    Objects.requireNonNull(openedAt, "openedAt");
    revisions = revisions == null ? List.of() : List.copyOf(revisions);
    hearings = hearings == null ? List.of() : List.copyOf(hearings);
    feedback = feedback == null ? Map.of() : feedback instanceof SortedFeedback ? feedback : new SortedFeedback(feedback);
  }

  /**
   * The feedback as the canonical constructor keeps it: an unmodifiable copy sorted by respondent id. Its own
   * class, so that the next facts of the fold (one per event) can take it as it is instead of copying it again.
   * Equal to, and iterated like, the unmodifiable sorted map it wraps.
   */
  private static final class SortedFeedback extends AbstractMap<String, FeedbackFact> {

    private final SortedMap<String, FeedbackFact> sorted;

    SortedFeedback(Map<String, FeedbackFact> feedback) {
      this(new TreeMap<>(feedback));
    }

    /** Takes a map no one else holds as it is. */
    private SortedFeedback(TreeMap<String, FeedbackFact> owned) {
      this.sorted = Collections.unmodifiableSortedMap(owned);
    }

    /** The same feedback with one respondent's replaced: a copy in linear time, as the map is sorted already. */
    SortedFeedback with(String respondentId, FeedbackFact given) {
      TreeMap<String, FeedbackFact> next = new TreeMap<>(sorted);
      next.put(respondentId, given);
      return new SortedFeedback(next);
    }

    @Override
    public Set<Entry<String, FeedbackFact>> entrySet() {
      return sorted.entrySet();
    }

    @Override
    public int size() {
      return sorted.size();
    }

    @Override
    public boolean isEmpty() {
      return sorted.isEmpty();
    }

    @Override
    public FeedbackFact get(Object key) {
      return sorted.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return sorted.containsKey(key);
    }

    @Override
    public Set<String> keySet() {
      return sorted.keySet();
    }

    @Override
    public Collection<FeedbackFact> values() {
      return sorted.values();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super FeedbackFact> action) {
      sorted.forEach(action);
    }
  }

  /** A decision just opened. */
  public static DecisionFacts opened(String decisionId, long sequence, String unit, String managerId,
      ActivityGroup activityGroup, Instant openedAt, Instant dueBy) {
    return new DecisionFacts(decisionId, sequence, unit, managerId, activityGroup, openedAt, dueBy, null, null,
        null, List.of(), List.of(), Map.of());
  }

  public boolean decided() {
    return decidedAt != null;
  }

  public boolean revised() {
    return !revisions.isEmpty();
  }

  /**
   * The perspectives heard and the highest depth each reached. For a decided decision only hearings whose
   * {@code occurredAt} is not after the decision count (what was heard in time to matter); for an open or
   * withdrawn decision every hearing so far counts, as none came too late yet.
   */
  public Map<Perspective, Depth> perspectivesHeard() {
    EnumMap<Perspective, Depth> heard = new EnumMap<>(Perspective.class);
    for (HeardFact hearing : hearings) {
      if (decidedAt == null || !hearing.occurredAt().isAfter(decidedAt)) {
        heard.merge(hearing.perspective(), hearing.depth(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      }
    }
    return Collections.unmodifiableMap(heard);
  }

  // --- what each event changes; only DecisionFactsFold calls these

  DecisionFacts atSequence(long next) {
    return new DecisionFacts(decisionId, next, unit, managerId, activityGroup, openedAt, dueBy, decidedAt,
        firstCommunicatedAt, withdrawnAt, revisions, hearings, feedback);
  }

  DecisionFacts withHearing(HeardFact hearing) {
    List<HeardFact> more = new ArrayList<>(hearings);
    more.add(hearing);
    return new DecisionFacts(decisionId, sequence, unit, managerId, activityGroup, openedAt, dueBy, decidedAt,
        firstCommunicatedAt, withdrawnAt, revisions, more, feedback);
  }

  /** Lead time runs to the first decision; a decision is made once, so a second one changes nothing. */
  DecisionFacts withDecision(Instant at) {
    Instant first = decidedAt == null ? at : decidedAt;
    return new DecisionFacts(decisionId, sequence, unit, managerId, activityGroup, openedAt, dueBy, first,
        firstCommunicatedAt, withdrawnAt, revisions, hearings, feedback);
  }

  /** The earliest communication by {@code occurredAt} counts, even when a back-dated one is recorded later. */
  DecisionFacts withCommunication(Instant at) {
    Instant first = firstCommunicatedAt == null || at.isBefore(firstCommunicatedAt) ? at : firstCommunicatedAt;
    return new DecisionFacts(decisionId, sequence, unit, managerId, activityGroup, openedAt, dueBy, decidedAt,
        first, withdrawnAt, revisions, hearings, feedback);
  }

  DecisionFacts withRevision(Instant at) {
    List<Instant> more = new ArrayList<>(revisions);
    more.add(at);
    return new DecisionFacts(decisionId, sequence, unit, managerId, activityGroup, openedAt, dueBy, decidedAt,
        firstCommunicatedAt, withdrawnAt, more, hearings, feedback);
  }

  DecisionFacts withWithdrawal(Instant at) {
    return new DecisionFacts(decisionId, sequence, unit, managerId, activityGroup, openedAt, dueBy, decidedAt,
        firstCommunicatedAt, at, revisions, hearings, feedback);
  }

  /** A respondent's feedback replaces their current one only when it supersedes it (later, or later in the log). */
  DecisionFacts withFeedback(String respondentId, FeedbackFact given) {
    FeedbackFact current = feedback.get(respondentId);
    if (current != null && !given.supersedes(current)) {
      return this;
    }
    // Always a SortedFeedback: the canonical constructor made it one.
    Map<String, FeedbackFact> next = ((SortedFeedback) feedback).with(respondentId, given);
    return new DecisionFacts(decisionId, sequence, unit, managerId, activityGroup, openedAt, dueBy, decidedAt,
        firstCommunicatedAt, withdrawnAt, revisions, hearings, next);
  }
}
