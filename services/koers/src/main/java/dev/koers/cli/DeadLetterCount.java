package dev.koers.cli;

import dev.koers.wire.Topic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code koers.deadletter.records}: how many records the dead-letter topic holds, written by any ledger or views
 * instance of the installation (its end offsets; it is never compacted or deleted). Asked of Kafka at each scrape;
 * NaN when Kafka does not answer in time.
 */
final class DeadLetterCount implements MeterBinder {

  private final Admin admin;
  private final Topic<?, ?> deadLetter;

  DeadLetterCount(Admin admin, Topic<?, ?> deadLetter) {
    this.admin = admin;
    this.deadLetter = deadLetter;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("koers.deadletter.records", this, DeadLetterCount::records).baseUnit("records")
        .strongReference(true) // nothing else holds this binder: a weak reference would read NaN after a GC
        .description("Records on the dead-letter topic, from every instance of the installation")
        .register(registry);
  }

  double records() {
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    for (int partition = 0; partition < deadLetter.partitions(); partition++) {
      ends.put(new TopicPartition(deadLetter.name(), partition), OffsetSpec.latest());
    }
    try {
      return admin.listOffsets(ends).all().get(2, TimeUnit.SECONDS).values().stream()
          .mapToLong(info -> info.offset()).sum();
    } catch (ExecutionException | TimeoutException e) {
      return Double.NaN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    }
  }
}
