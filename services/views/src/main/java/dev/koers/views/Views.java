package dev.koers.views;

import dev.koers.domain.metrics.Anonymity;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;

/** The views service: Kafka Streams state built from the decision log alone. */
public final class Views {

  /**
   * The views' layout version: raise it whenever a store's key or value changes shape. A new application id
   * starts with new stores and changelogs and folds the whole log again (it is kept forever), instead of
   * reading old records in a new shape; the old stores are left alone until an operator deletes them
   * (docs/operations.md). 2: timelines per event, feedback per respondent (was one history per decision).
   */
  public static final int LAYOUT_VERSION = 2;
  public static final String APPLICATION_ID = "koers-views-v" + LAYOUT_VERSION;

  private Views() {}

  public static StreamsService create(KoersTopics topics, StreamsSettings settings, Anonymity anonymity) {
    return new StreamsService("views", ViewsTopology.build(topics, anonymity), settings,
        topics.deadLetter().name());
  }
}
