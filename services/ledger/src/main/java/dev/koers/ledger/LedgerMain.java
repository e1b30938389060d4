package dev.koers.ledger;

import dev.koers.wire.AvroDefaults;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.TopicProvisioner;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs the ledger alone, in its own JVM: creates the Koers topics when missing, starts the ledger, prints one
 * line when it is RUNNING, and closes it on SIGTERM. (`koers ledger` does the same inside the launcher; this
 * is what a crash test starts and kills.) Options: {@link LedgerOptions#USAGE}.
 */
public final class LedgerMain {

  /** The start of the line printed once the ledger is RUNNING; scripts and tests wait for it. */
  public static final String RUNNING_LINE = "koers-ledger RUNNING";
  /** The start of the line printed once the ledger has closed after SIGTERM. */
  public static final String STOPPED_LINE = "koers-ledger STOPPED";

  private static final Duration WATCH_INTERVAL = Duration.ofMillis(200);

  private LedgerMain() {}

  public static void main(String[] args) throws InterruptedException {
    AvroDefaults.apply();
    if (LedgerOptions.wantsHelp(args)) {
      System.out.println(LedgerOptions.USAGE);
      return;
    }
    LedgerOptions options;
    try {
      options = LedgerOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("koers-ledger: " + e.getMessage());
      System.err.println(LedgerOptions.USAGE);
      System.exit(2);
      return;
    }
    int code = run(options);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs until SIGTERM (returns 0) or until the ledger fails for good (returns 1). */
  static int run(LedgerOptions options) throws InterruptedException {
    KoersTopics topics = options.topics();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers()))) {
      new TopicProvisioner(admin, options.replicationFactor()).ensure(topics.all());
    }
    StreamsService ledger = Ledger.create(topics, options.streamsSettings(), options.clockSkew());
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ledger.close();
      System.out.println(STOPPED_LINE + ": " + options.applicationId());
      closed.countDown();
    }, "koers-ledger-shutdown"));
    ledger.start();
    while (!ledger.awaitRunning(WATCH_INTERVAL)) {
      if (failed(ledger)) {
        return 1;
      }
    }
    System.out.println(RUNNING_LINE + ": application.id=" + options.applicationId() + " bootstrap.servers="
        + options.bootstrapServers() + " state.dir=" + options.stateDir() + " pid="
        + ProcessHandle.current().pid());
    while (!closed.await(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
      if (failed(ledger)) {
        return 1;
      }
    }
    return 0;
  }

  private static boolean failed(StreamsService ledger) {
    if (ledger.streams().state() != KafkaStreams.State.ERROR) {
      return false;
    }
    System.err.println("koers-ledger: the ledger stopped with an error; see the log above");
    return true;
  }
}
