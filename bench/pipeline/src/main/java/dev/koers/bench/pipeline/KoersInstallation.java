package dev.koers.bench.pipeline;

import dev.koers.api.auth.Principal;
import dev.koers.api.auth.SigningKey;
import dev.koers.api.auth.TokenMinter;
import dev.koers.cli.KoersMain;
import dev.koers.ledger.Ledger;
import dev.koers.views.Views;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.proof.SubmissionKey;
import dev.koers.wire.proof.SubmissionKeyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Koers installation for one scenario: its own topic prefix (so runs on one cluster never meet), its own
 * submission and token keys, and the services as real {@code koers} processes, run as an operator runs them
 * against a cluster ({@code koers topics create}, {@code koers ledger}, {@code koers api}: views, queries,
 * commands and the event stream). Everything it started is stopped, by process id, when it is closed.
 */
public final class KoersInstallation implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern LEDGER_RUNNING = Pattern.compile("koers: .* RUNNING against");
  private static final Pattern API_SERVING = Pattern.compile("koers: serving at ");

  private final BenchSettings settings;
  private final String bootstrapServers;
  private final String prefix;
  private final Path dir;
  private final Path submissionKeyFile;
  private final Path tokenKeyFile;
  private final List<JavaProcess> processes = new ArrayList<>();
  private int apiPort = -1;

  KoersInstallation(BenchSettings settings, String bootstrapServers, String prefix, Path dir) {
    this.settings = settings;
    this.bootstrapServers = bootstrapServers;
    this.prefix = prefix;
    this.dir = dir;
    this.submissionKeyFile = SubmissionKeyFile.inDataDir(dir);
    SubmissionKeyFile.create(submissionKeyFile);
    SigningKey.loadOrCreate(dir);
    this.tokenKeyFile = SigningKey.location(dir);
  }

  /** {@code koers topics create}: every topic with the run's partitions. */
  public KoersInstallation createTopics() throws InterruptedException {
    JavaProcess.run("koers topics create", settings.koersJvmOptions(), KoersMain.class.getName(),
        concat(List.of("topics", "create"), cluster()), dir.resolve("topics.log"), READY_TIMEOUT);
    return this;
  }

  /** Starts {@code koers ledger}; returns at once (see {@link #awaitReady}). */
  public JavaProcess startLedger() {
    return started(JavaProcess.start("koers ledger", settings.koersJvmOptions(), KoersMain.class.getName(),
        concat(List.of("ledger"), cluster(), List.of("--state-dir", dir.resolve("ledger-state").toString(),
            "--submission-key-file", submissionKeyFile.toString())), dir.resolve("ledger.log")));
  }

  /** Starts {@code koers api} (the views, queries, commands and the event stream); returns at once. */
  public JavaProcess startApi() {
    apiPort = freePort();
    return started(JavaProcess.start("koers api", settings.koersJvmOptions(), KoersMain.class.getName(),
        concat(List.of("api"), cluster(), List.of("--state-dir", dir.resolve("api-state").toString(),
            "--host", "127.0.0.1", "--advertised-host", "127.0.0.1", "--port", String.valueOf(apiPort),
            "--token-key-file", tokenKeyFile.toString(), "--submission-key-file", submissionKeyFile.toString(),
            "--outcome-timeout", "PT30S")), dir.resolve("api.log")));
  }

  /** Waits until a started service says it runs: the ledger's RUNNING line, the API's serving line. */
  public void awaitReady(JavaProcess process) throws InterruptedException {
    process.awaitLine(process.name().equals("koers api") ? API_SERVING : LEDGER_RUNNING, READY_TIMEOUT);
  }

  public KoersTopics topics() {
    return new KoersTopics(prefix, settings.partitions());
  }

  public String prefix() {
    return prefix;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The consumer group of the ledger (its Streams application id). */
  public String ledgerGroup() {
    return prefix + Ledger.APPLICATION_ID;
  }

  /** The consumer group of the views (its Streams application id). */
  public String viewsGroup() {
    return prefix + Views.APPLICATION_ID;
  }

  public SubmissionKey submissionKey() {
    return SubmissionKeyFile.load(submissionKeyFile);
  }

  public String apiUrl() {
    if (apiPort < 0) {
      throw new IllegalStateException("the API was not started");
    }
    return "http://127.0.0.1:" + apiPort;
  }

  /** A bearer token for {@code principal}, valid for the run. */
  public String token(Principal principal) {
    return new TokenMinter(SigningKey.read(tokenKeyFile)).mint(principal, Duration.ofHours(8), Instant.now());
  }

  public Path dir() {
    return dir;
  }

  private JavaProcess started(JavaProcess process) {
    processes.add(process);
    return process;
  }

  private List<String> cluster() {
    return List.of("--bootstrap-servers", bootstrapServers, "--topic-prefix", prefix,
        "--partitions", String.valueOf(settings.partitions()),
        "--replication-factor", String.valueOf(settings.replicationFactor()));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /** Stops the services it started, newest first, each by its own process id. */
  @Override
  public void close() throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    processes.clear();
  }
}
