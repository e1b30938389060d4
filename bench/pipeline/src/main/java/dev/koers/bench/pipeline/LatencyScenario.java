package dev.koers.bench.pipeline;

import dev.koers.api.auth.Principal;
import dev.koers.schema.Role;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latency: submissions sent open-loop at a constant rate, first over HTTP and then through the Java client,
 * each for the warm-up and then the measured duration, to one installation ({@code koers ledger} and
 * {@code koers api}); from each submission's due moment: to its outcome, to a {@code minSequence} query that
 * shows it, and to the event stream showing it. Kafka's ProducerPerformance sends records of the same mean size
 * at the same rate on the same broker first: its send-to-acknowledgement latency is the floor.
 */
final class LatencyScenario implements Scenario {

  @Override
  public String name() {
    return "latency";
  }

  @Override
  public String summary() {
    return "open loop at --rate over HTTP and the Java client: to outcome, to visible, to the stream";
  }

  @Override
  public ReportSection run(BenchRun run) throws Exception {
    BenchSettings settings = run.settings();
    int count = (int) (settings.rate() * (settings.warmup().toMillis() + settings.duration().toMillis()) / 1000);
    run.progress(String.format(Locale.ROOT, "latency: generating 2 x %,d submissions", count));
    SubmissionMix overHttp = SubmissionMix.generate(count, settings.seed() + 1, 0, "h-");
    SubmissionMix overClient = SubmissionMix.generate(count, settings.seed() + 2, 0, "j-");
    try (KoersInstallation koers = run.installation("latency")) {
      koers.createTopics();
      SignedPublisher.Sizes sizes = SignedPublisher.sizes(koers.topics().submissions(), koers.submissionKey(),
          overClient.submissions());
      long perfRecords = (long) settings.rate() * settings.duration().toSeconds();
      run.progress(String.format(Locale.ROOT, "latency: ProducerPerformance, %,d records of %d bytes at %,d/s",
          perfRecords, sizes.meanRecordBytes(), settings.rate()));
      KafkaPerf.ProducerFigures floor = run.perf().produce(run.createTopic("latency-perf"), perfRecords,
          sizes.meanRecordBytes(), settings.rate());

      run.progress("latency: starting koers ledger and koers api");
      JavaProcess ledger = koers.startLedger();
      JavaProcess api = koers.startApi();
      koers.awaitReady(ledger);
      koers.awaitReady(api);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      String viewer = koers.token(new Principal("bench-viewer", Role.VIEWER, null, null));
      VisibilityProbe probe = new VisibilityProbe(http, koers.apiUrl(), viewer);
      List<LatencyPhase.Result> results = new ArrayList<>();
      try (EventStreamWatcher stream = new EventStreamWatcher(http, koers.apiUrl(), viewer)) {
        try (SubmissionPath path = new HttpSubmissions(http, koers)) {
          results.add(LatencyPhase.run(run, path, overHttp, probe, stream));
        }
        try (SubmissionPath path = new ClientSubmissions(koers)) {
          results.add(LatencyPhase.run(run, path, overClient, probe, stream));
        }
        return report(settings, sizes, floor, results, stream.endings());
      }
    }
  }

  private ReportSection report(BenchSettings settings, SignedPublisher.Sizes sizes, KafkaPerf.ProducerFigures floor,
      List<LatencyPhase.Result> results, Map<String, ?> streamEndings) {
    double commitMs = settings.commitInterval().toMillis();
    ReportSection section = new ReportSection("latency");
    section.add(String.format(Locale.ROOT, "open loop at %,d submissions/s, %s warm-up then %s measured per client;"
        + " latency from each submission's due moment (coordinated omission corrected), ms; RandomHistory's usual"
        + " values, mean record %d bytes", settings.rate(), Figures.seconds(settings.warmup()),
        Figures.seconds(settings.duration()), sizes.meanRecordBytes()));
    Table table = new Table("", "count", "p50", "p99", "p99.9", "max", "p99 / commit", "p99 / Producer p99");
    table.row("ProducerPerformance send->ack (same rate, size)", Figures.count(floor.records()), Figures.ms(floor.p50Ms()),
        Figures.ms(floor.p99Ms()), Figures.ms(floor.p999Ms()), Figures.ms(floor.maxMs()),
        Figures.ratio(floor.p99Ms() / commitMs), "1.00");
    for (LatencyPhase.Result result : results) {
      row(table, result.path() + ": submission -> outcome", result.outcome(), commitMs, floor);
      row(table, result.path() + ": submission -> visible (minSequence)", result.visible(), commitMs, floor);
      row(table, result.path() + ": submission -> on the stream", result.stream(), commitMs, floor);
    }
    section.add(table);
    for (LatencyPhase.Result result : results) {
      section.add(String.format(Locale.ROOT, "%s: sent at %,.0f/s; refused by rule: %s; problems: %s", result.path(),
          result.sentPerSecond(), result.refusals().isEmpty() ? "none" : result.refusals(),
          result.problems().isEmpty() ? "none" : result.problems()));
    }
    section.add("event stream reconnections: " + (streamEndings.isEmpty() ? "none" : streamEndings));
    for (LatencyPhase.Result result : results) {
      goal(section, result.path() + ": p99 submission -> outcome", result.outcome(), 2, commitMs);
      goal(section, result.path() + ": p99 submission -> visible", result.visible(), 3, commitMs);
    }
    return section;
  }

  private static void row(Table table, String what, Histogram h, double commitMs, KafkaPerf.ProducerFigures floor) {
    double p99 = ms(h, 99);
    table.row(what, Figures.count(h.getTotalCount()), Figures.ms(ms(h, 50)), Figures.ms(p99), Figures.ms(ms(h, 99.9)),
        Figures.ms(h.getMaxValue() / 1000.0), Figures.ratio(p99 / commitMs), Figures.ratio(p99 / floor.p99Ms()));
  }

  private static void goal(ReportSection section, String what, Histogram h, int times, double commitMs) {
    double p99 = ms(h, 99);
    section.add(String.format(Locale.ROOT, "goal: %s <= %dx commit interval (%.0f ms): %.1f ms = %.2fx, %s", what,
        times, times * commitMs, p99, p99 / commitMs, h.getTotalCount() > 0 && p99 <= times * commitMs ? "met" : "NOT met"));
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
  }
}
