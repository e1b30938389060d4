package dev.koers.cli;

import dev.koers.api.ApiBackends;
import dev.koers.api.ApiServer;
import dev.koers.api.ApiSettings;
import dev.koers.api.LocalViews;
import dev.koers.api.ViewFeed;
import dev.koers.api.auth.TokenVerifier;
import dev.koers.client.KoersClient;
import dev.koers.wire.KafkaAccess;
import dev.koers.wire.KafkaConnection;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.TopicProvisioner;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A views instance with the HTTP API in front of it, optionally with the ledger and the command routes,
 * started together against one Kafka and stopped in reverse.
 */
final class KoersNode implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Lifecycle lifecycle;
  private final ApiServer api;
  private final KoersTopics topics;
  private final String host;
  private final StreamsService ledger;

  private KoersNode(Lifecycle lifecycle, ApiServer api, KoersTopics topics, String host, StreamsService ledger) {
    this.lifecycle = lifecycle;
    this.api = api;
    this.topics = topics;
    this.host = host;
    this.ledger = ledger;
  }

  static KoersNode start(NodeSettings settings, Consumer<String> progress) throws InterruptedException {
    Lifecycle lifecycle = new Lifecycle();
    try {
      KafkaConnection connection = settings.connection();
      KoersTopics topics = new KoersTopics(settings.topicPrefix(), settings.partitions());
      Admin admin = lifecycle.add(connection.admin());
      KafkaAccess.check(admin, connection, KafkaAccess.START_TIMEOUT);
      TopicProvisioner provisioner = new TopicProvisioner(admin, settings.replicationFactor());
      if (settings.createsTopics()) {
        provisioner.ensure(topics.all());
      } else {
        provisioner.verify(topics.all());
      }
      StreamsApps apps = new StreamsApps(connection, topics, settings.topicPrefix(), settings.stateDir(),
          settings.replicationFactor());

      progress.accept(settings.runs(NodePart.LEDGER) ? "Starting the ledger and the views" : "Starting the views");
      StreamsService ledger = settings.runs(NodePart.LEDGER)
          ? lifecycle.add(apps.ledger(settings.clockSkew(), settings.submissionKey()).start()) : null;
      // Views instances find each other by this address, so the port is fixed before anything starts.
      int port = settings.port() == 0 ? FreePort.pick() : settings.port();
      StreamsService views = lifecycle.add(apps.views(settings.advertisedHost() + ":" + port, settings.anonymity()).start());
      if (ledger != null) {
        awaitRunning(ledger);
      }
      awaitRunning(views);

      List<StreamsService> running = ledger == null ? List.of(views) : List.of(ledger, views);
      PrometheusMeterRegistry meters = Meters.registry(running.toArray(StreamsService[]::new));
      new ViewsLag(views.streams(), topics.events().name()).bindTo(meters);
      new DeadLetterCount(admin, topics.deadLetter()).bindTo(meters);
      KoersClient client = settings.runs(NodePart.COMMANDS)
          ? lifecycle.add(new KoersClient(connection, topics, "koers-api", settings.outcomeTimeout(),
              settings.submissionKey(), meters)) : null;
      ViewFeed feed = lifecycle.add(new ViewFeed(connection, topics, meters).start(START_TIMEOUT));
      ApiServer api = lifecycle.add(ApiServer.start(new ApiSettings(settings.host(), port, settings.streams(),
          settings.tokens().hs256Key()), new ApiBackends(
          new TokenVerifier(settings.tokens()), client,
          new LocalViews(views.streams(), new HostInfo(settings.advertisedHost(), port), settings.anonymity()),
          () -> problems(admin, running, client, feed), meters, feed)));
      return new KoersNode(lifecycle, api, topics, settings.host(), ledger);
    } catch (RuntimeException | InterruptedException e) {
      lifecycle.close();
      throw e;
    }
  }

  private static void awaitRunning(StreamsService service) throws InterruptedException {
    if (!service.awaitRunning(START_TIMEOUT)) {
      throw new IllegalStateException(service.name() + " did not start within " + START_TIMEOUT);
    }
  }

  private static List<String> problems(Admin admin, List<StreamsService> apps, KoersClient client, ViewFeed feed) {
    List<String> problems = new ArrayList<>();
    if (!feed.isRunning()) {
      problems.add("the view feed behind /api/v1/stream has stopped");
    }
    apps.forEach(app -> app.problem().ifPresent(problems::add));
    if (client != null && !client.isRunning()) {
      problems.add("the outcome reader has stopped");
    }
    try {
      admin.describeCluster().clusterId().get(2, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      problems.add("Kafka is not reachable (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add("interrupted while asking Kafka");
    }
    return problems;
  }

  String url() {
    return "http://" + host + ":" + api.port();
  }

  int port() {
    return api.port();
  }

  /** The ledger application (null when this node runs none), for tests that pause it. */
  StreamsService ledger() {
    return ledger;
  }

  KoersTopics topics() {
    return topics;
  }

  /**
   * Drains the HTTP API for {@code drainDelay} (not ready, connections closed after each answer, still serving),
   * then closes: HTTP gracefully (requests in flight finish), then the Streams applications, leaving their groups.
   */
  void stop(Duration drainDelay) throws InterruptedException {
    api.drain();
    if (!drainDelay.isZero() && !drainDelay.isNegative()) {
      System.out.println("koers: draining HTTP for " + drainDelay.toMillis() + " ms");
      Thread.sleep(drainDelay.toMillis()); // a grace period by design, not a wait for some state
    }
    close();
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}
