package dev.koers.wire;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Kafka Streams application behind a tiny start/stop lifecycle, logging each state change in one line. */
public final class StreamsService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

  private final String name;
  private final String applicationId;
  private final KafkaStreams streams;
  private final CountDownLatch running = new CountDownLatch(1);
  private final ThreadReplacement threads;
  private final RocksDbMemory storeMemory;

  /** Records this application cannot handle go to {@code deadLetterTopic} ({@link StreamsErrorHandling}). */
  public StreamsService(String name, Topology topology, StreamsSettings settings, String deadLetterTopic) {
    this(name, topology, settings, deadLetterTopic, new ThreadReplacement(name, ThreadReplacement.MAX_REPLACEMENTS,
        ThreadReplacement.WINDOW, Clock.systemUTC()));
  }

  /** With another budget for replacing failed stream threads than the default. */
  public StreamsService(String name, Topology topology, StreamsSettings settings, String deadLetterTopic,
                        ThreadReplacement threads) {
    this.name = name;
    this.applicationId = settings.applicationId();
    this.storeMemory = new RocksDbMemory(RocksDbMemory.PER_APPLICATION);
    this.streams = new KafkaStreams(topology,
        storeMemory.applyTo(StreamsErrorHandling.applyTo(settings.toProperties(), deadLetterTopic)));
    streams.setStateListener((now, before) -> {
      LOG.info("{}: {} -> {}", name, before, now);
      if (now == KafkaStreams.State.RUNNING) {
        running.countDown();
      }
    });
    this.threads = threads;
    streams.setUncaughtExceptionHandler(threads);
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

  public String applicationId() {
    return applicationId;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /** Why this application does not serve, if it does not: its state, and the last failure of a thread. */
  public Optional<String> problem() {
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.RUNNING) {
      return Optional.empty();
    }
    return Optional.of(name + " is " + state + threads.lastFailure().map(f -> " (a stream thread failed: " + f + ")")
        .orElse(""));
  }

  /**
   * Stops and leaves the consumer group. Our members are dynamic: one left behind would hold its partitions
   * until its session expires (45 s by default), and a restarted instance would wait that long.
   */
  @Override
  public void close() {
    boolean closed = streams.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
    if (closed) {
      storeMemory.close(); // Only once no store can use it any more; otherwise the process's exit frees it.
    }
  }
}
