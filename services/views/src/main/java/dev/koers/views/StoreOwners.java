package dev.koers.views;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which views instance owns a key, from Kafka Streams' metadata: this one (empty), another one (its
 * host:port), or none yet (rebalancing: {@link ViewUnavailable}).
 */
public final class StoreOwners {

  private final KafkaStreams streams;
  private final HostInfo self;

  public StoreOwners(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  public Optional<HostInfo> remoteOwner(String store, String key) {
    KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new ViewUnavailable("no instance owns " + store + " for '" + key + "' right now (rebalancing)", null);
    }
    HostInfo owner = metadata.activeHost();
    return owner.equals(self) ? Optional.empty() : Optional.of(owner);
  }

  /** The owner of a unit's or manager's aggregates: all windows of one scope share a partition. */
  public Optional<HostInfo> remoteOwnerOfScope(String aggregateKey) {
    KeyQueryMetadata metadata = streams.queryMetadataForKey(ViewsTopology.METRICS_STORE, aggregateKey,
        new ScopePartitioner<Object>());
    if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new ViewUnavailable("no instance owns the metrics of '" + aggregateKey + "' right now (rebalancing)",
          null);
    }
    HostInfo owner = metadata.activeHost();
    return owner.equals(self) ? Optional.empty() : Optional.of(owner);
  }

  /** Every other instance of this application, as its Streams metadata names them now. */
  public List<HostInfo> otherInstances() {
    return streams.metadataForAllStreamsClients().stream()
        .map(StreamsMetadata::hostInfo)
        .filter(host -> !host.equals(self))
        .distinct()
        .toList();
  }

  /** Every other instance that holds part of the store, for queries that span all keys. */
  public List<HostInfo> otherInstances(String store) {
    return streams.streamsMetadataForStore(store).stream()
        .map(StreamsMetadata::hostInfo)
        .filter(host -> !host.equals(self))
        .distinct()
        .toList();
  }
}
