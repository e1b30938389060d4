package dev.koers.cli;

import dev.koers.demo.DemoRun;
import dev.koers.demo.DemoTally;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Feeds realistic traffic into a running Koers through its HTTP API, with tokens minted from the key in --data-dir: several units and managers following the study (docs/demo.md). Some managers hold weekly customer dialogues and others do not; uses of power are valued more by customers than by the organization; some decisions are customer-swayed, some hear no customer; feedback comes late, minds change, decisions are revised or withdrawn. A few deliberately bad requests are counted apart.",
        "",
        "Prints progress and a summary; exits 1 when any request was rejected that should not have been."})
final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "The running Koers (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(names = "--data-dir", defaultValue = "data", description = "The data directory of that 'koers up', for its token key (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--seed", defaultValue = "1", description = "Makes the traffic deterministic: the same seed tells the same stories (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rate", defaultValue = "25", description = "Submissions per second, at most (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--days", defaultValue = "28", description = "Back-dates a history of this many days, so weekly trends show at once (default: ${DEFAULT-VALUE}; 0: none).")
  int days;

  @Option(names = "--decisions", defaultValue = "80", description = "Decisions in the history, besides one a week for each manager with weekly dialogues (default: ${DEFAULT-VALUE}).")
  int decisions;

  @Option(names = "--live", description = "After the history, keep telling new decisions as they happen, until Ctrl-C.")
  boolean live;

  @Option(names = "--run-id", description = "Names this run's decisions (demo-<run>-<n>); default: from the current time, so runs never collide.")
  String runId;

  @Option(names = "--senders", defaultValue = "4", description = "Decisions told side by side (default: ${DEFAULT-VALUE}).")
  int senders;

  @Override
  public Integer call() throws InterruptedException {
    if (rate <= 0 || days < 0 || decisions < 0 || senders < 1) {
      throw new ParameterException(spec.commandLine(), "--rate must be positive, --days and --decisions not negative, --senders at least 1");
    }
    if (runId != null && !runId.matches("[A-Za-z0-9]{1,20}")) {
      throw new ParameterException(spec.commandLine(), "--run-id: 1..20 letters and digits");
    }
    DemoRun.Settings settings = new DemoRun.Settings(url, seed, runId != null ? runId : defaultRunId(), rate, days,
        decisions, senders, live);
    DemoTally tally = new DemoRun(settings, LocalKey.minter(dataDir), Clock.systemUTC(),
        line -> System.out.println("koers demo: " + line)).run();
    System.out.println("koers demo: done: " + tally.summary());
    return tally.rejectedCount() == 0 ? 0 : 1;
  }

  /** Seconds since 2026 in base 36: short, and new for every run. */
  static String defaultRunId() {
    return Long.toString(Clock.systemUTC().instant().getEpochSecond() - 1_767_225_600L, 36);
  }
}
