package dev.koers.views;

import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Runs a query against THIS instance's stores or metadata. Whatever Kafka Streams throws to say "not now"
 * (a store restoring, migrating or closed, the application not started, rebalancing, stopped or failed) becomes
 * {@link ViewUnavailable}, so every query route answers 503 with Retry-After instead of 500.
 */
public final class LiveQuery {

  private final KafkaStreams streams;

  public LiveQuery(KafkaStreams streams) {
    this.streams = streams;
  }

  public <T> T run(String what, Supplier<T> query) {
    try {
      return query.get();
    } catch (InvalidStateStoreException e) {
      throw unavailable(what, e);
    } catch (IllegalStateException e) {
      // KafkaStreams says "not running" (ERROR, shutting down) with a plain IllegalStateException.
      if (streams.state().isRunningOrRebalancing()) {
        throw e;
      }
      throw unavailable(what, e);
    }
  }

  private ViewUnavailable unavailable(String what, RuntimeException e) {
    return new ViewUnavailable(what + " cannot be answered right now: the views are " + streams.state() + " ("
        + e.getClass().getSimpleName() + ")", e);
  }
}
