package dev.koers.wire;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Kafka Streams application behind a tiny start/stop lifecycle, logging each state change in one line. */
public final class StreamsService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

  private final String name;
  private final KafkaStreams streams;
  private final CountDownLatch running = new CountDownLatch(1);

  public StreamsService(String name, Topology topology, StreamsSettings settings) {
    this.name = name;
    this.streams = new KafkaStreams(topology, settings.toProperties());
    streams.setStateListener((now, before) -> {
      LOG.info("{}: {} -> {}", name, before, now);
      if (now == KafkaStreams.State.RUNNING) {
        running.countDown();
      }
    });
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("{}: stream thread failed, replacing it: {}", name, e.toString());
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
  }

  public StreamsService start() {
    streams.start();
    return this;
  }

  /** Waits until the application has run once (all tasks assigned and restored). */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public String name() {
    return name;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  public Optional<String> problem() {
    KafkaStreams.State state = streams.state();
    return state == KafkaStreams.State.RUNNING ? Optional.empty() : Optional.of(name + " is " + state);
  }

  /**
   * Stops and leaves the consumer group. Our members are dynamic: one left behind would hold its partitions
   * until its session expires (45 s by default), and a restarted instance would wait that long.
   */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
  }
}
