package dev.koers.api;

import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.IsoWeek;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.metrics.MetricsDocument;
import dev.koers.domain.metrics.ScopeKind;
import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.MetricsView;
import dev.koers.views.DecisionLookup;
import dev.koers.views.DecisionQuarantined;
import dev.koers.views.LiveQuery;
import dev.koers.views.QuarantineEntry;
import dev.koers.views.QuarantineLookup;
import dev.koers.views.MetricsLookup;
import dev.koers.views.StoreOwners;
import dev.koers.documents.ViewRecords;
import dev.koers.views.ViewsTopology;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/** {@link ViewAccess} over a views instance running in this process. */
public final class LocalViews implements ViewAccess {

  private final DecisionLookup decisions;
  private final MetricsLookup metrics;
  private final StoreOwners owners;
  private final QuarantineLookup quarantine;
  private final LiveQuery live;
  private final Anonymity anonymity;

  public LocalViews(KafkaStreams streams, HostInfo self, Anonymity anonymity) {
    this.decisions = new DecisionLookup(streams, anonymity);
    this.metrics = new MetricsLookup(streams);
    this.owners = new StoreOwners(streams, self);
    this.quarantine = new QuarantineLookup(streams);
    this.live = new LiveQuery(streams);
    this.anonymity = anonymity;
  }

  @Override
  public Optional<String> remoteOwner(String decisionId) {
    // The per-decision stores are fed by the same keyed stream, so they share their owner.
    return live.run("the owner of decision '" + decisionId + "'",
        () -> owners.remoteOwner(ViewsTopology.DECISIONS_STORE, decisionId).map(LocalViews::address));
  }

  @Override
  public Optional<String> remoteOwnerOfScope(AggregateKey key) {
    return live.run("the owner of " + key.asString(),
        () -> owners.remoteOwnerOfScope(key.asString()).map(LocalViews::address));
  }

  @Override
  public List<String> otherInstances() {
    return live.run("the views instances", () -> owners.otherInstances(ViewsTopology.DECISIONS_STORE).stream()
        .map(LocalViews::address).toList());
  }

  @Override
  public boolean isInstance(String hostAndPort) {
    return owners.otherInstances().stream().map(LocalViews::address).anyMatch(hostAndPort::equals);
  }

  @Override
  public Optional<DecisionSummary> decision(String decisionId) {
    return live.run("decision '" + decisionId + "'", () -> {
      refuseQuarantined(decisionId);
      return decisions.decision(decisionId);
    });
  }

  @Override
  public Optional<List<DecisionEvent>> history(String decisionId) {
    return live.run("the events of decision '" + decisionId + "'", () -> {
      refuseQuarantined(decisionId);
      return decisions.history(decisionId);
    });
  }

  /** A quarantined decision is left out of lists: what the views hold of it is not the whole story. */
  @Override
  public List<DecisionSummary> page(Predicate<DecisionView> filter, String afterId, int limit) {
    return live.run("the list of decisions", () -> decisions.page(
        filter.and(view -> quarantine.entry(view.decisionId()).isEmpty()), afterId, limit));
  }

  @Override
  public List<QuarantineEntry> quarantined() {
    return live.run("the quarantine", quarantine::all);
  }

  private void refuseQuarantined(String decisionId) {
    quarantine.entry(decisionId).ifPresent(entry -> {
      throw new DecisionQuarantined(entry);
    });
  }

  /**
   * A known unit or manager has a document for every week, zero where nothing counted (docs/metrics.md); an
   * unknown one has none.
   */
  @Override
  public Optional<MetricsView> metrics(AggregateKey key) {
    return live.run("the metrics " + key.asString(), () -> {
      Optional<MetricsAggregate> aggregate = metrics.aggregate(key);
      if (aggregate.isEmpty() && !key.coversAllTime()
          && metrics.aggregate(AggregateKey.allTime(key.scope(), key.id())).isPresent()) {
        aggregate = Optional.of(MetricsAggregate.ZERO);
      }
      return aggregate.map(a -> ViewRecords.metrics(MetricsDocument.of(key, a, anonymity), key));
    });
  }

  @Override
  public List<MetricsView> weekly(ScopeKind scope, String id) {
    return live.run("the weekly metrics of " + id, () -> metrics.weeks(scope, id).entrySet().stream().map(e -> {
      AggregateKey key = AggregateKey.week(scope, id, IsoWeek.parse(e.getKey()));
      return ViewRecords.metrics(MetricsDocument.of(key, e.getValue(), anonymity), key);
    }).toList());
  }

  @Override
  public Anonymity anonymity() {
    return anonymity;
  }

  private static String address(HostInfo host) {
    return host.host() + ":" + host.port();
  }
}
