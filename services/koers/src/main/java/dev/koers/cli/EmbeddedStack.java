package dev.koers.cli;

import dev.koers.api.ApiBackends;
import dev.koers.api.ApiServer;
import dev.koers.api.ApiSettings;
import dev.koers.api.Callers;
import dev.koers.api.SubmissionGateway;
import dev.koers.kafka.embedded.BrokerSettings;
import dev.koers.kafka.embedded.EmbeddedKafka;
import dev.koers.views.DecisionLookup;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.TopicProvisioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The embedded default: a real Kafka broker, the ledger, the views and the HTTP API in one process. */
final class EmbeddedStack implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Lifecycle lifecycle;
  private final EmbeddedKafka kafka;
  private final ApiServer api;
  private final String host;

  private EmbeddedStack(Lifecycle lifecycle, EmbeddedKafka kafka, ApiServer api, String host) {
    this.lifecycle = lifecycle;
    this.kafka = kafka;
    this.api = api;
    this.host = host;
  }

  static EmbeddedStack start(UpSettings settings, Consumer<String> progress) throws InterruptedException {
    Lifecycle lifecycle = new Lifecycle();
    try {
      progress.accept("Starting Kafka (data in " + settings.dataDir().toAbsolutePath() + ")");
      EmbeddedKafka kafka = lifecycle.add(EmbeddedKafka.start(
          BrokerSettings.inDirectory(settings.dataDir().resolve("kafka"))
              .withBrokerPort(settings.kafkaPort())
              .withDefaultPartitions(settings.partitions())));
      String bootstrap = kafka.bootstrapServers();
      KoersTopics topics = new KoersTopics("", settings.partitions());
      Admin admin = lifecycle.add(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)));
      new TopicProvisioner(admin, (short) 1).ensure(topics.all());

      progress.accept("Starting the ledger and the views");
      StreamsApps apps = new StreamsApps(bootstrap, topics, "", settings.dataDir().resolve("streams"), (short) 1);
      StreamsService ledger = lifecycle.add(apps.ledger(settings.clockSkew()).start());
      StreamsService views = lifecycle.add(apps.views(null).start());
      awaitRunning(ledger);
      awaitRunning(views);

      SubmissionGateway gateway = lifecycle.add(new SubmissionGateway(bootstrap, topics.submissions(),
          topics.outcomes(), settings.outcomeTimeout()));
      ApiServer api = lifecycle.add(ApiServer.start(new ApiSettings(settings.host(), settings.port()),
          new ApiBackends(Callers.localAdmin(), gateway, new DecisionLookup(views.streams()),
              () -> problems(admin, ledger, views, gateway))));
      return new EmbeddedStack(lifecycle, kafka, api, settings.host());
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

  private static List<String> problems(Admin admin, StreamsService ledger, StreamsService views,
                                       SubmissionGateway gateway) {
    List<String> problems = new ArrayList<>();
    ledger.problem().ifPresent(problems::add);
    views.problem().ifPresent(problems::add);
    if (!gateway.isRunning()) {
      problems.add("the outcome reader has stopped");
    }
    try {
      admin.describeCluster().clusterId().get(2, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      problems.add("Kafka is not reachable: " + e.getClass().getSimpleName());
    }
    return problems;
  }

  String url() {
    return "http://" + host + ":" + api.port();
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}
