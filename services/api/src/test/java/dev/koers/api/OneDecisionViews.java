package dev.koers.api;

import dev.koers.documents.ViewRecords;
import dev.koers.domain.DecisionStatus;
import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.DecisionFacts;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.metrics.IsoWeek;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.metrics.MetricsDocument;
import dev.koers.domain.metrics.ScopeKind;
import dev.koers.domain.view.Course;
import dev.koers.domain.view.DecisionView;
import dev.koers.domain.view.Head;
import dev.koers.domain.view.Opening;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Role;
import dev.koers.schema.Sha256;
import dev.koers.schema.event.DecisionOpened;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import dev.koers.views.QuarantineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Views that hold decision d-1 (opened, unit u, manager m-1), metrics for every scope and one week of each,
 * so that every allowed query answers 200. {@code owner} is the host:port said to own every key (empty: this
 * instance), {@code instances} the other instances the Streams metadata would name.
 */
record OneDecisionViews(Instant at, Optional<String> owner, Set<String> instances) implements ViewAccess {

  static OneDecisionViews local(Instant at) {
    return new OneDecisionViews(at, Optional.empty(), Set.of());
  }

  @Override
  public Optional<String> remoteOwner(String key) {
    return owner;
  }

  @Override
  public Optional<String> remoteOwnerOfScope(AggregateKey key) {
    return owner;
  }

  @Override
  public List<String> otherInstances() {
    return List.copyOf(instances);
  }

  @Override
  public boolean isInstance(String hostAndPort) {
    return instances.contains(hostAndPort);
  }

  @Override
  public Optional<DecisionSummary> decision(String id) {
    return id.equals("d-1") ? Optional.of(summary()) : Optional.empty();
  }

  @Override
  public Optional<List<DecisionEvent>> history(String id) {
    return id.equals("d-1") ? Optional.of(List.of(opening())) : Optional.empty();
  }

  @Override
  public List<DecisionSummary> page(Predicate<DecisionView> filter, String after, int limit) {
    return List.of(summary());
  }

  @Override
  public Optional<MetricsView> metrics(AggregateKey key) {
    return Optional.of(ViewRecords.metrics(MetricsDocument.of(key, MetricsAggregate.ZERO, Anonymity.DEFAULT), key));
  }

  @Override
  public List<MetricsView> weekly(ScopeKind scope, String id) {
    return List.of(metrics(AggregateKey.week(scope, id, IsoWeek.of(at))).orElseThrow());
  }

  @Override
  public Anonymity anonymity() {
    return Anonymity.DEFAULT;
  }

  @Override
  public List<QuarantineEntry> quarantined() {
    return List.of();
  }

  private DecisionEvent opening() {
    return DecisionEvent.newBuilder().setEventId("e-1").setDecisionId("d-1").setSequence(1)
        .setOccurredAt(at).setRecordedAt(at).setActor(new Actor("m-1", Role.MANAGER)).setSubmissionId("s-1")
        .setPreviousHash(new Sha256(new byte[32])).setPayload(DecisionOpened.newBuilder().setTitle("t")
            .setUnit("u").setManagerId("m-1").setActivityGroup(ActivityGroup.POWER).build())
        .setHash(new Sha256(new byte[32])).build();
  }

  private DecisionSummary summary() {
    DecisionView d1 = new DecisionView("d-1", new Opening("t", null, "u", "m-1", ActivityGroup.POWER, null, null,
        at), new Head(DecisionStatus.OPEN, 1, "00", at), Course.NONE, List.of());
    return ViewRecords.decision(d1, DecisionMetrics.of(DecisionFacts.opened("d-1", 1, "u", "m-1",
        ActivityGroup.POWER, at, null), Anonymity.DEFAULT));
  }
}
