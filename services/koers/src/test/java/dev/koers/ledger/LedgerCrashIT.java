package dev.koers.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.client.KoersClient;
import dev.koers.wire.proof.SubmissionKeyFile;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Outcome;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.testkit.TopicReader;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.TopicProvisioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once through crashes: the ledger runs as operators run it ({@code bin/koers ledger}, {@link
 * LedgerProcess}) and is killed with SIGKILL
 * while it works through a backlog of more than 20,000 submissions, then restarted on the same state
 * directory (once on a lost one). Reading the topics with {@code read_committed} afterwards must show every
 * accepted submission logged exactly once, gap-free sequences, intact hash chains, and every published record
 * answered exactly once, repeats with their first outcome ({@link ExactlyOnceProof}).
 */
@KafkaIntegrationTest
class LedgerCrashIT {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerCrashIT.class);

  private static final int SUBMISSIONS = 20_000;
  private static final int DUPLICATES_PER_BATCH = 600;
  private static final int PARTITIONS = 3;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(60);
  // Generous: after the wiped state directory the stores are restored in full and the killed transaction must
  // time out first, and the machine is shared (a clean drain took 5 s idle and 37 s at a load average of 17).
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(300);

  @TempDir
  Path stateRoot;

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<Traffic.Planned> published = new ArrayList<>();
  private KafkaTestEnv env;
  private LedgerProcess.Options options;
  private LedgerProgress progress;
  private KoersClient client;
  private Path outputs;
  private int runs;
  private int kills;
  private long runningSince;
  private long runningNanos;

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  @Test
  void everyAcceptedSubmissionIsLoggedExactlyOnceThoughTheLedgerIsKilledAgainAndAgain(KafkaTestEnv env)
      throws IOException {
    setUp(env, "ledger-crash");
    List<Traffic.Planned> traffic = Traffic.generate(20261127L, SUBMISSIONS, Instant.now());
    List<Traffic.Planned> first = traffic.subList(0, traffic.size() * 4 / 10);
    List<Traffic.Planned> second = traffic.subList(first.size(), traffic.size() * 7 / 10);
    List<Traffic.Planned> third = traffic.subList(first.size() + second.size(), traffic.size());
    long started = System.nanoTime();

    publish(first);
    killMidStream(startLedger());
    publish(second);
    publish(Traffic.duplicates(first, DUPLICATES_PER_BATCH, 1));
    killMidStream(startLedger());
    killMidStream(startLedger());
    publish(third);
    publish(Traffic.duplicates(traffic.subList(0, first.size() + second.size()), DUPLICATES_PER_BATCH, 2));
    killMidStream(startLedger());
    // The state directory is lost with the machine: the stores come back from their changelogs.
    deleteRecursively(options.stateDir());
    LedgerProcess last = startLedger();
    awaitEverySubmissionAnswered();
    runningNanos += System.nanoTime() - runningSince;
    double elapsed = (System.nanoTime() - started) / 1e9;
    double running = runningNanos / 1e9;
    assertThat(last.terminate()).isEqualTo(LedgerProcess.SIGTERM_EXIT);

    ExactlyOnceProof.Figures figures = prove();
    long aborted = abortedRecords();
    LOG.info("""
        Ledger crash test figures:
          submissions sent     {} ({} distinct, {} duplicates re-sent later)
          SIGKILLs             {} (restarts {}, the last one on a wiped state directory)
          events written       {}
          rejections           {} distinct submissions
          aborted records      {} (events and outcomes of transactions the kills cut off)
          elapsed              {} s, kills and restarts included ({} s of it RUNNING)
          throughput           {} submissions/s end to end, {} submissions/s while RUNNING""",
        figures.published(), figures.distinct(), figures.duplicates(), kills, runs - 1, figures.events(),
        figures.rejections(), aborted, String.format("%.1f", elapsed), String.format("%.1f", running),
        String.format("%.0f", figures.published() / elapsed), String.format("%.0f", figures.published() / running));
    assertThat(kills).isGreaterThanOrEqualTo(3);
    assertThat(figures.published()).isGreaterThanOrEqualTo(SUBMISSIONS + 2 * DUPLICATES_PER_BATCH);
    assertThat(aborted).as("at least one kill cut a transaction off: the test exercised the abort path")
        .isPositive();
  }

  @Test
  void withoutCrashesTheSameTrafficGivesTheSameProofAndTheLedgersThroughput(KafkaTestEnv env) {
    setUp(env, "ledger-clean");
    List<Traffic.Planned> traffic = Traffic.generate(20261127L, SUBMISSIONS, Instant.now());
    publish(traffic);
    publish(Traffic.duplicates(traffic, 2 * DUPLICATES_PER_BATCH, 3));

    long launched = System.nanoTime();
    LedgerProcess ledger = startLedger();
    long running = System.nanoTime();
    await("half the backlog committed").atMost(DRAIN_TIMEOUT).pollInterval(Duration.ofMillis(50))
        .until(() -> progress.committed() >= published.size() / 2);
    long halfway = System.nanoTime();
    long firstHalf = progress.committed();
    awaitEverySubmissionAnswered();
    long drained = System.nanoTime();
    assertThat(ledger.terminate()).isEqualTo(LedgerProcess.SIGTERM_EXIT);

    ExactlyOnceProof.Figures figures = prove();
    double processing = (drained - running) / 1e9;
    LOG.info("""
        Ledger clean run figures:
          submissions          {} ({} distinct, {} duplicates)
          events written       {}
          rejections           {}
          start to RUNNING     {} s (child JVM, topics, stores)
          backlog drained in   {} s
          throughput           {} submissions/s overall, {} submissions/s over the second half (JIT warm)""",
        figures.published(), figures.distinct(), figures.duplicates(), figures.events(), figures.rejections(),
        String.format("%.1f", (running - launched) / 1e9), String.format("%.1f", processing),
        String.format("%.0f", figures.published() / processing),
        String.format("%.0f", (figures.published() - firstHalf) / ((drained - halfway) / 1e9)));
  }

  private void setUp(KafkaTestEnv env, String name) {
    this.env = env;
    String prefix = env.uniqueName(name) + ".";
    Path keyFile = stateRoot.resolve("keys").resolve("submission.key");
    SubmissionKeyFile.create(keyFile);
    options = new LedgerProcess.Options(env.bootstrapServers(), stateRoot.resolve("streams"), prefix, PARTITIONS,
        Duration.ofMinutes(2), keyFile);
    KoersTopics topics = options.topics();
    // What 'koers topics create' does; the ledger itself only checks them.
    new TopicProvisioner(env.admin(), (short) -1).ensure(topics.all());
    progress = new LedgerProgress(env.admin(), options.applicationId(), topics, PARTITIONS);
    client = closeLater(new KoersClient(env.bootstrapServers(), topics, name, Duration.ofSeconds(30),
        SubmissionKeyFile.load(keyFile)));
    outputs = Path.of("target", "ledger-it", prefix);
  }

  private void publish(List<Traffic.Planned> batch) {
    batch.forEach(planned -> client.publish(planned.submission()));
    client.flush();
    published.addAll(batch);
  }

  private LedgerProcess startLedger() {
    runs++;
    LedgerProcess ledger = closeLater(LedgerProcess.start(options, outputs.resolve("run-" + runs + ".out")));
    ledger.awaitRunning(START_TIMEOUT);
    runningSince = System.nanoTime();
    return ledger;
  }

  /**
   * Lets the ledger commit a third of its backlog, then kills it while the rest is still to do and while one
   * of its transactions has written events and outcomes it has not committed yet.
   */
  private void killMidStream(LedgerProcess ledger) {
    long from = progress.committed();
    long target = from + Math.max(1, progress.backlog() / 3);
    await("the ledger committing up to " + target + ", then in the middle of a transaction")
        .atMost(PROGRESS_TIMEOUT).pollInterval(Duration.ofMillis(10))
        .failFast("the ledger exited; see " + ledger.output(), () -> !ledger.isAlive())
        .until(() -> progress.committed() >= target && progress.inOpenTransaction() > 0);
    assertThat(ledger.kill()).isEqualTo(LedgerProcess.SIGKILL_EXIT);
    runningNanos += System.nanoTime() - runningSince;
    kills++;
    long committed = progress.committed();
    long left = progress.published() - committed;
    LOG.info("SIGKILL #{} (pid {}): {} submissions committed, {} still to do", kills, ledger.pid(), committed, left);
    assertThat(left).as("killed mid-stream").isPositive();
    progress.forgetDeadMembers();
  }

  private void awaitEverySubmissionAnswered() {
    await("the ledger answering all " + published.size() + " submissions").atMost(DRAIN_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .conditionEvaluationListener(condition -> {
          if (condition.getRemainingTimeInMS() <= condition.getPollInterval().toMillis()) {
            LOG.warn("the ledger has committed {} of {} submissions", progress.committed(), published.size());
          }
        })
        .until(() -> progress.committed() == published.size());
  }

  private ExactlyOnceProof.Figures prove() {
    KoersTopics topics = options.topics();
    try (TopicReader<String, DecisionEvent> events = new TopicReader<>(env.bootstrapServers(),
            topics.events().name(), IsolationLevel.READ_COMMITTED, Serdes.String().deserializer(),
            topics.events().valueSerde().deserializer());
        TopicReader<String, Outcome> outcomes = new TopicReader<>(env.bootstrapServers(),
            topics.outcomes().name(), IsolationLevel.READ_COMMITTED, Serdes.String().deserializer(),
            topics.outcomes().valueSerde().deserializer())) {
      return ExactlyOnceProof.prove(published, events.values(), outcomes.values());
    }
  }

  /** Records that reached the events and outcomes topics in transactions that never committed. */
  private long abortedRecords() {
    KoersTopics topics = options.topics();
    long all = 0;
    long committed = 0;
    for (String topic : List.of(topics.events().name(), topics.outcomes().name())) {
      all += count(topic, IsolationLevel.READ_UNCOMMITTED);
      committed += count(topic, IsolationLevel.READ_COMMITTED);
    }
    return all - committed;
  }

  private long count(String topic, IsolationLevel isolation) {
    try (TopicReader<byte[], byte[]> reader = new TopicReader<>(env.bootstrapServers(), topic, isolation,
        Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer())) {
      return reader.catchUp().size();
    }
  }

  private <T extends AutoCloseable> T closeLater(T resource) {
    resources.add(resource);
    return resource;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
