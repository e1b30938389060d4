package dev.koers.demo;

import dev.koers.api.auth.TokenMinter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of the demo: the history first (stories told side by side by a few senders, each story in order),
 * then, when live, a new story every few seconds until stopped. Prints progress and returns the tally.
 */
public final class DemoRun {

  private static final Duration LIVE_EVERY = Duration.ofSeconds(4);
  private static final int LIVE_STORIES_AT_ONCE = 64;

  /** What a run does; {@code live}: keep telling new stories after the history until interrupted. */
  public record Settings(String url, long seed, String runId, double rate, int days, int decisions, int senders,
                         boolean live) {}

  private final Settings settings;
  private final TokenMinter minter;
  private final Clock clock;
  private final Consumer<String> out;

  public DemoRun(Settings settings, TokenMinter minter, Clock clock, Consumer<String> out) {
    this.settings = settings;
    this.minter = minter;
    this.clock = clock;
    this.out = out;
  }

  public DemoTally run() throws InterruptedException {
    DemoTally tally = new DemoTally();
    DemoSender sender = new DemoSender(settings.url(), minter, settings.rate(), clock, tally, out);
    DemoPlan plan = new DemoPlan(DemoCast.standard(), settings.seed(), settings.runId());
    List<List<DemoStep>> history = plan.history(clock.instant(), settings.days(), settings.decisions());
    long requests = history.stream().mapToLong(List::size).sum();
    out.accept("telling " + history.size() + " decisions of the last " + settings.days() + " days (" + requests
        + " requests at up to " + settings.rate() + "/s) to " + settings.url() + ", run " + settings.runId()
        + ", seed " + settings.seed());
    ExecutorService senders = Executors.newFixedThreadPool(settings.senders());
    // Live stories mostly wait for their next moment: each holds a thread for a minute or two.
    ExecutorService liveSenders = Executors.newFixedThreadPool(LIVE_STORIES_AT_ONCE);
    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
    progress.scheduleAtFixedRate(() -> out.accept(tally.progress()), 5, 5, TimeUnit.SECONDS);
    try {
      List<Future<Void>> told = history.stream().map(story -> senders.submit(() -> tell(sender, story))).toList();
      for (Future<?> story : told) {
        story.get();
      }
      if (settings.live()) {
        out.accept("history told (" + tally.progress() + "); now live: a new decision every few seconds, Ctrl-C stops");
        progress.shutdownNow();
        progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(() -> out.accept(tally.progress()), 60, 60, TimeUnit.SECONDS);
        while (!Thread.currentThread().isInterrupted()) {
          List<DemoStep> story = plan.live(clock.instant());
          liveSenders.submit(() -> tell(sender, story));
          Thread.sleep(LIVE_EVERY.toMillis());
        }
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a demo sender failed: " + e.getCause(), e.getCause());
    } finally {
      progress.shutdownNow();
      senders.shutdownNow();
      liveSenders.shutdownNow();
    }
    return tally;
  }

  private static Void tell(DemoSender sender, List<DemoStep> story) throws InterruptedException {
    sender.tell(story);
    return null;
  }
}
