package dev.koers.views;

import dev.koers.domain.metrics.Anonymity;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;

/** The views service: Kafka Streams state built from the decision log alone. */
public final class Views {

  public static final String APPLICATION_ID = "koers-views";

  private Views() {}

  public static StreamsService create(KoersTopics topics, StreamsSettings settings, Anonymity anonymity) {
    return new StreamsService("views", ViewsTopology.build(topics, anonymity), settings,
        topics.deadLetter().name());
  }
}
