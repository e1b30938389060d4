package dev.koers.cli;

import dev.koers.api.auth.SigningKey;
import dev.koers.api.auth.TokenSettings;
import dev.koers.kafka.embedded.BrokerSettings;
import dev.koers.kafka.embedded.EmbeddedKafka;
import dev.koers.wire.PrivateFiles;
import dev.koers.wire.proof.SubmissionKeyFile;
import java.util.EnumSet;
import java.util.function.Consumer;

/** The embedded default: a real Kafka broker in this process, and a Koers node against it. */
final class EmbeddedStack implements AutoCloseable {

  private final Lifecycle lifecycle;
  private final EmbeddedKafka kafka;
  private final KoersNode node;

  private EmbeddedStack(Lifecycle lifecycle, EmbeddedKafka kafka, KoersNode node) {
    this.lifecycle = lifecycle;
    this.kafka = kafka;
    this.node = node;
  }

  static EmbeddedStack start(UpSettings settings, Consumer<String> progress) throws InterruptedException {
    Lifecycle lifecycle = new Lifecycle();
    try {
      // The whole log lives here, comments included: the owner's alone (a folder that exists stays as it is).
      PrivateFiles.folder(settings.dataDir());
      progress.accept("Starting Kafka (data in " + settings.dataDir().toAbsolutePath() + ")");
      EmbeddedKafka kafka = lifecycle.add(EmbeddedKafka.start(
          BrokerSettings.inDirectory(settings.dataDir().resolve("kafka"))
              .withBrokerPort(settings.kafkaPort())
              .withDefaultPartitions(settings.partitions())));
      KoersNode node = lifecycle.add(KoersNode.start(new NodeSettings(kafka.bootstrapServers(), "",
          settings.partitions(), (short) 1, settings.dataDir().resolve("streams"), settings.host(),
          settings.port(), settings.outcomeTimeout(), settings.clockSkew(),
          TokenSettings.local(SigningKey.loadOrCreate(settings.dataDir()))
              .withClockSkew(settings.tokenClockSkew()), settings.host(),
          EnumSet.allOf(NodePart.class), settings.anonymity(), settings.streams(),
          SubmissionKeyFile.loadOrCreate(settings.dataDir())), progress));
      return new EmbeddedStack(lifecycle, kafka, node);
    } catch (RuntimeException | InterruptedException e) {
      lifecycle.close();
      throw e;
    }
  }

  String url() {
    return node.url();
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}
