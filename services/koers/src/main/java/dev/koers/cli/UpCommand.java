package dev.koers.cli;

import dev.koers.api.auth.Principal;
import dev.koers.api.auth.SigningKey;
import dev.koers.api.auth.TokenMinter;
import dev.koers.demo.DemoRun;
import dev.koers.schema.Role;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs Koers on this machine: a real Kafka broker (KRaft, embedded, no Docker), the ledger, the views and the HTTP API, in one process. Data stays in --data-dir and is found again on the next 'up'. Stop it with Ctrl-C (or SIGTERM).")
final class UpCommand implements Callable<Integer> {

  @Option(names = "--data-dir", defaultValue = "data", description = "Where Kafka and the state stores keep data (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "HTTP address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka broker port for outside clients such as kcat (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int kafkaPort;

  @Option(names = "--partitions", defaultValue = "3", description = "Partitions of each Koers topic when created (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--outcome-timeout", defaultValue = "PT5S", description = "How long the API waits for the ledger's outcome, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration outcomeTimeout;

  @Option(names = "--clock-skew", defaultValue = "PT2M", description = "How far in the future occurredAt may lie, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration clockSkew;

  @picocli.CommandLine.Mixin
  ViewOptions views = new ViewOptions();

  @picocli.CommandLine.Mixin
  StreamOptions streams = new StreamOptions();

  @Option(names = "--token-ttl", defaultValue = "PT8H", description = "Lifetime of the tokens printed at start (default: ${DEFAULT-VALUE}; at most --max-ttl).")
  Duration tokenTtl;

  @Option(names = "--demo", description = "Also feeds realistic traffic, as 'koers demo --live' with its defaults: four weeks of history, then a new decision every few seconds.")
  boolean demo;

  @Option(names = "--max-ttl", defaultValue = "24h", description = "The longest lifetime of a token printed at start (default: ${DEFAULT-VALUE}).")
  String maxTtl;

  @Option(names = "--token-clock-skew", defaultValue = "30", description = "Seconds the clocks of a token's issuer and this server may disagree when checking exp, nbf and iat (default: ${DEFAULT-VALUE}).")
  int tokenClockSkewSeconds;

  @Override
  public Integer call() throws InterruptedException {
    TokenLifetime.check(tokenTtl, Durations.parse(maxTtl), "--token-ttl", "--max-ttl");
    Ports.requireFree(host, port, "--port");
    Ports.requireFree("127.0.0.1", kafkaPort, "--kafka-port");
    UpSettings settings = new UpSettings(dataDir, host, port, kafkaPort, partitions, outcomeTimeout, clockSkew,
        views.anonymity(), streams.limits(), TokenClockSkew.seconds(tokenClockSkewSeconds));
    EmbeddedStack stack = EmbeddedStack.start(settings, line -> System.out.println("koers: " + line));
    return UntilStopped.run(stack, () -> {
      System.out.println("koers: up at " + stack.url() + "  (Kafka at " + stack.bootstrapServers()
          + ", data in " + dataDir.toAbsolutePath() + ")");
      printTokens();
      if (demo) {
        startDemo(stack.url());
      }
    });
  }

  /** The demo runs beside the node until the process stops; its lines say what it sends. */
  private void startDemo(String url) {
    DemoRun run = new DemoRun(new DemoRun.Settings(url, 1, DemoCommand.defaultRunId(), 25, 28, 80, 4, true),
        new TokenMinter(SigningKey.load(dataDir)), Clock.systemUTC(), line -> System.out.println("koers demo: " + line));
    Thread thread = new Thread(() -> {
      try {
        run.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        System.out.println("koers demo: stopped: " + e.getMessage());
      }
    }, "koers-demo");
    thread.setDaemon(true);
    thread.start();
  }

  /** An admin and a viewer token to start with; 'koers token' mints others (manager, stakeholder, auditor). */
  private void printTokens() {
    TokenMinter minter = new TokenMinter(SigningKey.load(dataDir));
    Instant now = Instant.now();
    System.out.println("koers: admin token  (" + tokenTtl + "): "
        + minter.mint(new Principal("local-admin", Role.ADMIN, null, null), tokenTtl, now));
    System.out.println("koers: viewer token (" + tokenTtl + "): "
        + minter.mint(new Principal("local-viewer", Role.VIEWER, null, null), tokenTtl, now));
    System.out.println("koers: send them as 'Authorization: Bearer <token>'; mint more with 'bin/koers token --help'");
  }
}
