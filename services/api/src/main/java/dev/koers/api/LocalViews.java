package dev.koers.api;

import dev.koers.domain.view.DecisionView;
import dev.koers.schema.DecisionEvent;
import dev.koers.views.DecisionLookup;
import dev.koers.views.StoreOwners;
import dev.koers.views.ViewsTopology;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/** {@link ViewAccess} over a views instance running in this process. */
public final class LocalViews implements ViewAccess {

  private final DecisionLookup lookup;
  private final StoreOwners owners;

  public LocalViews(KafkaStreams streams, HostInfo self) {
    this.lookup = new DecisionLookup(streams);
    this.owners = new StoreOwners(streams, self);
  }

  @Override
  public Optional<String> remoteOwner(String key) {
    // Both decision stores are fed by the same keyed stream, so they share their owner.
    return owners.remoteOwner(ViewsTopology.DECISIONS_STORE, key).map(h -> h.host() + ":" + h.port());
  }

  @Override
  public List<String> otherInstances() {
    return owners.otherInstances(ViewsTopology.DECISIONS_STORE).stream().map(h -> h.host() + ":" + h.port()).toList();
  }

  @Override
  public Optional<DecisionView> decision(String decisionId) {
    return lookup.decision(decisionId);
  }

  @Override
  public Optional<List<DecisionEvent>> history(String decisionId) {
    return lookup.history(decisionId);
  }

  @Override
  public List<DecisionView> page(Predicate<DecisionView> filter, String afterId, int limit) {
    return lookup.page(filter, afterId, limit);
  }
}
