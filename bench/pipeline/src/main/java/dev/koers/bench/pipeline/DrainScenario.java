package dev.koers.bench.pipeline;

import java.time.Duration;
import java.util.Locale;

/**
 * Drain: N signed submissions preloaded on the submissions topic, then the ledger and the views started
 * together; measured until the ledger has answered every submission (its committed offsets reach the end of the
 * topic: with exactly-once, an answer and its event are committed with the offset) and the views have folded
 * every event (their committed offsets reach the end of the events topic). Kafka's ProducerPerformance writes
 * as many records of the same mean size, and ConsumerPerformance reads them back, on the same broker first.
 */
final class DrainScenario implements Scenario {

  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration TIMEOUT = Duration.ofMinutes(30);
  /** A few values at and beyond the bounds, as real input has: the ledger refuses those beyond. */
  private static final int EDGES_PERCENT = 2;

  @Override
  public String name() {
    return "drain";
  }

  @Override
  public String summary() {
    return "--submissions preloaded; time until the ledger answered all and the views caught up";
  }

  @Override
  public ReportSection run(BenchRun run) throws Exception {
    int n = run.settings().submissions();
    run.progress(String.format(Locale.ROOT, "drain: generating %,d submissions", n));
    SubmissionMix mix = SubmissionMix.generate(n, run.settings().seed(), EDGES_PERCENT, "");
    try (KoersInstallation koers = run.installation("drain")) {
      koers.createTopics();
      run.progress("drain: preloading them, signed, on " + koers.topics().submissions().name());
      long preloadStart = System.nanoTime();
      SignedPublisher.Sizes sizes = SignedPublisher.publish(koers.bootstrapServers(), koers.topics().submissions(),
          koers.submissionKey(), mix.submissions());
      Duration preload = Duration.ofNanos(System.nanoTime() - preloadStart);

      run.progress(String.format(Locale.ROOT, "drain: ProducerPerformance, %,d records of %d bytes", n,
          sizes.meanRecordBytes()));
      String perfTopic = run.createTopic("drain-perf");
      KafkaPerf.ProducerFigures producer = run.perf().produce(perfTopic, n, sizes.meanRecordBytes(), -1);
      run.progress("drain: ConsumerPerformance on the same topic");
      KafkaPerf.ConsumerFigures consumer = run.perf().consume(perfTopic, n);

      run.progress("drain: starting koers ledger and koers api (views) on the preloaded topic");
      Timeline timeline = drain(run, koers, n);
      return report(run, mix, sizes, preload, producer, consumer, timeline);
    }
  }

  /** Moments of the drain, on System.nanoTime's clock. */
  private record Timeline(long launched, long ledgerRunning, long viewsServing, long firstAnswer, long ledgerDone,
                          long viewsDone) {

    Duration between(long from, long to) {
      return Duration.ofNanos(to - from);
    }
  }

  private Timeline drain(BenchRun run, KoersInstallation koers, int n) throws InterruptedException {
    long launched = System.nanoTime();
    JavaProcess ledger = koers.startLedger();
    JavaProcess api = koers.startApi();
    koers.awaitReady(ledger);
    long ledgerRunning = System.nanoTime();
    koers.awaitReady(api);
    long viewsServing = System.nanoTime();
    String submissions = koers.topics().submissions().name();
    String events = koers.topics().events().name();
    int partitions = run.settings().partitions();
    long firstAnswer = 0;
    long ledgerDone = 0;
    long lastProgress = System.nanoTime();
    try (GroupLag lags = new GroupLag(koers.bootstrapServers())) {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        GroupLag.Lag ledgerLag = lags.of(koers.ledgerGroup(), submissions, partitions);
        long now = System.nanoTime();
        if (firstAnswer == 0 && ledgerLag.committed() > 0) {
          firstAnswer = now;
        }
        if (ledgerDone == 0 && ledgerLag.lag() == 0 && ledgerLag.committed() >= n) {
          ledgerDone = now;
        }
        GroupLag.Lag viewsLag = lags.of(koers.viewsGroup(), events, partitions);
        if (ledgerDone != 0 && viewsLag.lag() == 0) {
          return new Timeline(launched, ledgerRunning, viewsServing, firstAnswer, ledgerDone, now);
        }
        if (now - lastProgress > Duration.ofSeconds(10).toNanos()) {
          lastProgress = now;
          run.progress(String.format(Locale.ROOT, "drain: ledger answered %,d of %,d; views behind by %,d events",
              ledgerLag.committed(), n, viewsLag.lag()));
        }
        requireAlive(ledger, api);
        Thread.sleep(POLL.toMillis());
      }
    }
    throw new IllegalStateException("the drain did not finish within " + TIMEOUT + "; see " + koers.dir());
  }

  private static void requireAlive(JavaProcess... processes) {
    for (JavaProcess process : processes) {
      if (!process.isAlive()) {
        throw new IllegalStateException(process.name() + " stopped during the drain; see " + process.log());
      }
    }
  }

  private ReportSection report(BenchRun run, SubmissionMix mix, SignedPublisher.Sizes sizes, Duration preload,
      KafkaPerf.ProducerFigures producer, KafkaPerf.ConsumerFigures consumer, Timeline t) {
    int n = mix.submissions().size();
    Duration fromRunning = t.between(t.ledgerRunning(), t.viewsDone());
    Duration fromLaunch = t.between(t.launched(), t.viewsDone());
    Duration ledgerFromRunning = t.between(t.ledgerRunning(), t.ledgerDone());
    double drainRate = n / seconds(fromRunning);
    double ledgerRate = n / seconds(ledgerFromRunning);
    ReportSection section = new ReportSection("drain");
    section.add(String.format(Locale.ROOT, "%,d submissions (%,d accepted by the rules, %,d refused), %d %% with values"
        + " at or beyond the bounds; %s", n, mix.accepted(), n - mix.accepted(), EDGES_PERCENT, mix.kindShares()));
    section.add(String.format(Locale.ROOT, "mean record %d bytes (key %.0f, value %.0f, signed headers %.0f);"
        + " preloaded, signed, in %s", sizes.meanRecordBytes(), sizes.meanKeyBytes(), sizes.meanValueBytes(),
        sizes.meanHeaderBytes(), Figures.seconds(preload)));
    section.add(String.format(Locale.ROOT, "started at once: ledger RUNNING after %s, API serving after %s; first"
        + " answer committed after %s", Figures.seconds(t.between(t.launched(), t.ledgerRunning())),
        Figures.seconds(t.between(t.launched(), t.viewsServing())),
        Figures.seconds(t.between(t.launched(), t.firstAnswer()))));
    Table table = new Table("", "time", "records/s", "ratio");
    table.row("ProducerPerformance (acks=all, " + sizes.meanRecordBytes() + " B)", "",
        Figures.rate(producer.recordsPerSecond()), "1.00");
    table.row("ConsumerPerformance (same records)", "", Figures.rate(consumer.recordsPerSecond()), "");
    table.row("ledger answered all (from RUNNING)", Figures.seconds(ledgerFromRunning), Figures.rate(ledgerRate),
        Figures.ratio(ledgerRate / producer.recordsPerSecond()));
    table.row("ledger + views caught up (from RUNNING)", Figures.seconds(fromRunning), Figures.rate(drainRate),
        Figures.ratio(drainRate / producer.recordsPerSecond()));
    table.row("ledger + views caught up (from launch)", Figures.seconds(fromLaunch), Figures.rate(n / seconds(fromLaunch)),
        Figures.ratio(n / seconds(fromLaunch) / producer.recordsPerSecond()));
    double foldRate = mix.accepted() / seconds(fromRunning);
    table.row("views: " + Figures.count(mix.accepted()) + " events folded", Figures.seconds(fromRunning),
        Figures.rate(foldRate), Figures.ratio(foldRate / consumer.recordsPerSecond()) + " of Consumer");
    section.add(table);
    double goal = 0.25;
    double ratio = drainRate / producer.recordsPerSecond();
    section.add(String.format(Locale.ROOT, "goal: ledger + views drain >= %.2fx ProducerPerformance: %.2fx, %s", goal,
        ratio, ratio >= goal ? "met" : "NOT met"));
    return section;
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
