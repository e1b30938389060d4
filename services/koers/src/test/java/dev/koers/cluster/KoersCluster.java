package dev.koers.cluster;

import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.testkit.ThreeBrokerCluster;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.PrivateFiles;
import dev.koers.wire.proof.SubmissionKey;
import dev.koers.wire.proof.SubmissionKeyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A Koers installation as docker-compose.yml deploys it, without Docker: a {@link ThreeBrokerCluster}, the topics
 * made once by {@code koers topics create} (replication factor 3), then {@code koers ledger} and {@code koers api}
 * instances, each its own process from the built launcher ({@link KoersInstance}), sharing one token key and one
 * submission key. Instances are numbered from 1. Closing stops the instances (SIGTERM, then SIGKILL), then the
 * brokers.
 */
public final class KoersCluster implements AutoCloseable {

  public static final String LEDGER_RUNNING = "koers: ledger RUNNING";
  public static final String API_SERVING = "koers: serving at";

  // An API with its views took more than 3 minutes to start at a load average of 70 (seven builds on two cores).
  private static final Duration START_TIMEOUT = Duration.ofSeconds(420);
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(180);

  private final Layout layout;
  private final ThreeBrokerCluster brokers;
  private final byte[] tokenKey;
  private final List<KoersInstance> ledgers = new ArrayList<>();
  private final List<KoersInstance> apis = new ArrayList<>();
  private final List<Integer> apiPorts = new ArrayList<>();

  /** Where an installation keeps its files, and what it is called. */
  public record Layout(Path root, String topicPrefix, int partitions) {

    Path brokers() {
      return root.resolve("kafka");
    }

    Path keys() {
      return root.resolve("keys");
    }

    Path tokenKeyFile() {
      return keys().resolve("token-hs256.key");
    }

    Path submissionKeyFile() {
      return keys().resolve("submission-hmac.key");
    }

    Path stateDir(String instance) {
      return root.resolve("state").resolve(instance);
    }

    /** Where the instances' and tools' output goes: next to the test reports, so it outlives the run. */
    Path outputs() {
      return Path.of("target", "cluster-it", topicPrefix);
    }
  }

  private KoersCluster(Layout layout, ThreeBrokerCluster brokers, byte[] tokenKey) {
    this.layout = layout;
    this.brokers = brokers;
    this.tokenKey = tokenKey;
  }

  /**
   * Starts the brokers, makes the topics, then {@code ledgers} ledger and {@code apis} API instances, and returns
   * once each ledger is RUNNING and each API serves HTTP (its views may still be restoring: queries answer 503
   * until they are ready).
   */
  public static KoersCluster start(Layout layout, int ledgers, int apis) {
    return start(layout, ledgers, apis, List.of(), List.of());
  }

  /** The same, with more flags for every ledger and every API (e.g. {@code --outcome-timeout PT10S}). */
  public static KoersCluster start(Layout layout, int ledgers, int apis, List<String> ledgerFlags,
                                   List<String> apiFlags) {
    ThreeBrokerCluster brokers = ThreeBrokerCluster.start(layout.brokers());
    KoersCluster cluster = null;
    try {
      byte[] tokenKey = new byte[32];
      new SecureRandom().nextBytes(tokenKey);
      PrivateFiles.createSecret(layout.tokenKeyFile(),
          Base64.getEncoder().encodeToString(tokenKey).getBytes(StandardCharsets.US_ASCII));
      SubmissionKeyFile.create(layout.submissionKeyFile());
      cluster = new KoersCluster(layout, brokers, tokenKey);
      cluster.createTopics();
      for (int i = 1; i <= ledgers; i++) {
        cluster.ledgers.add(KoersInstance.start("ledger-" + i, cluster.ledgerArgs(i, ledgerFlags),
            layout.outputs()));
      }
      for (int i = 1; i <= apis; i++) {
        int port = freePort();
        cluster.apiPorts.add(port);
        cluster.apis.add(KoersInstance.start("api-" + i, cluster.apiArgs(i, port, apiFlags), layout.outputs()));
      }
      cluster.awaitStarted();
      return cluster;
    } catch (RuntimeException e) {
      if (cluster != null) {
        cluster.close();
      } else {
        brokers.close();
      }
      throw e;
    }
  }

  public ThreeBrokerCluster brokers() {
    return brokers;
  }

  public String bootstrapServers() {
    return brokers.bootstrapServers();
  }

  public Layout layout() {
    return layout;
  }

  public KoersTopics topics() {
    return new KoersTopics(layout.topicPrefix(), layout.partitions());
  }

  /** The submission key every ledger and API shares, for a Java client ({@code KoersClient}). */
  public SubmissionKey submissionKey() {
    return SubmissionKeyFile.load(layout.submissionKeyFile());
  }

  public KoersInstance ledger(int instance) {
    return ledgers.get(instance - 1);
  }

  public KoersInstance api(int instance) {
    return apis.get(instance - 1);
  }

  public int ledgerCount() {
    return ledgers.size();
  }

  public int apiCount() {
    return apis.size();
  }

  /** The base URL of API instance {@code instance}, e.g. http://127.0.0.1:41234. */
  public String apiUrl(int instance) {
    return "http://127.0.0.1:" + apiPorts.get(instance - 1);
  }

  /** A bearer token every instance accepts, valid for {@code ttl}. */
  public String token(Principal principal, Duration ttl) {
    return new TokenMinter(tokenKey).mint(principal, ttl, Instant.now());
  }

  /** Restarts a killed or stopped instance on the same command, state directory and port; waits until it is up. */
  public void restart(KoersInstance instance) {
    instance.restart();
    awaitUp(instance);
  }

  /** Waits for a ledger's RUNNING line or an API's serving line. */
  public void awaitUp(KoersInstance instance) {
    instance.awaitLine(ledgers.contains(instance) ? LEDGER_RUNNING : API_SERVING, START_TIMEOUT);
  }

  /**
   * Runs {@code koers <args>} against this installation, {@code --bootstrap-servers} and {@code --topic-prefix}
   * added, to its end: e.g. {@code tool("audit", "verify")}.
   */
  public KoersInstance.Result tool(String name, String... args) {
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(List.of("--bootstrap-servers", bootstrapServers(), "--topic-prefix", layout.topicPrefix()));
    return KoersInstance.run(name, command, layout.outputs(), TOOL_TIMEOUT);
  }

  /** Stops the APIs, then the ledgers (SIGTERM, then SIGKILL if one hangs), then the brokers. */
  @Override
  public void close() {
    try {
      Stream.concat(apis.stream(), ledgers.stream()).map(i -> CompletableFuture.runAsync(i::close)).toList()
          .forEach(CompletableFuture::join);
    } finally {
      brokers.close();
    }
  }

  private void createTopics() {
    KoersInstance.Result topics = KoersInstance.run("topics", List.of("topics", "create", "--bootstrap-servers",
        bootstrapServers(), "--topic-prefix", layout.topicPrefix(), "--partitions",
        String.valueOf(layout.partitions()), "--replication-factor", "3"), layout.outputs(), TOOL_TIMEOUT);
    if (topics.exitCode() != 0) {
      throw new IllegalStateException("koers topics create exited with " + topics.exitCode() + ":\n" + topics.text());
    }
  }

  private void awaitStarted() {
    // Together: each waits for its own line, and they start in parallel anyway.
    Stream.concat(ledgers.stream(), apis.stream())
        .map(instance -> CompletableFuture.runAsync(() -> awaitUp(instance))).toList()
        .forEach(CompletableFuture::join);
  }

  private List<String> common(String instance) {
    return List.of("--bootstrap-servers", bootstrapServers(), "--topic-prefix", layout.topicPrefix(),
        "--partitions", String.valueOf(layout.partitions()), "--replication-factor", "3",
        "--state-dir", layout.stateDir(instance).toString(),
        "--submission-key-file", layout.submissionKeyFile().toString());
  }

  private List<String> ledgerArgs(int instance, List<String> flags) {
    List<String> args = new ArrayList<>(List.of("ledger"));
    args.addAll(common("ledger-" + instance));
    args.addAll(flags);
    return args;
  }

  private List<String> apiArgs(int instance, int port, List<String> flags) {
    List<String> args = new ArrayList<>(List.of("api"));
    args.addAll(common("api-" + instance));
    args.addAll(List.of("--host", "127.0.0.1", "--advertised-host", "127.0.0.1", "--port", String.valueOf(port),
        "--token-key-file", layout.tokenKeyFile().toString()));
    args.addAll(flags);
    return args;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }
}
