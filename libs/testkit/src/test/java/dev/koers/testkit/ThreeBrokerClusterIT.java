package dev.koers.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault tests' cluster: three replicas everywhere, two in sync, and a broker killed with SIGKILL loses no
 * write acknowledged with acks=all; started again on its data directory it catches up.
 */
@Tag("faults")
class ThreeBrokerClusterIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int SIGKILL_EXIT = 128 + 9;

  @TempDir
  Path root;

  @Test
  void aKilledBrokerLosesNoAcknowledgedWriteAndCatchesUpWhenStartedAgain() throws Exception {
    try (ThreeBrokerCluster cluster = ThreeBrokerCluster.start(root); Admin admin = cluster.admin()) {
      admin.createTopics(List.of(new NewTopic("faults", Optional.of(3), Optional.empty()))).all().get();
      TopicDescription topic = admin.describeTopics(Set.of("faults")).allTopicNames().get().get("faults");
      assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
      Config broker = admin.describeConfigs(Set.of(new ConfigResource(ConfigResource.Type.BROKER, "1")))
          .all().get().values().iterator().next();
      assertThat(broker.get("min.insync.replicas").value()).isEqualTo("2");
      assertThat(broker.get("transaction.state.log.replication.factor").value()).isEqualTo("3");
      assertThat(broker.get("offsets.topic.replication.factor").value()).isEqualTo("3");

      List<String> acknowledged = new ArrayList<>();
      try (KafkaProducer<String, String> producer = producer(cluster.bootstrapServers())) {
        send(producer, "before", 100, acknowledged);
        long pid = cluster.broker(2).pid();
        assertThat(cluster.kill(2)).isEqualTo(SIGKILL_EXIT);
        assertThat(ProcessHandle.of(pid)).isEmpty();
        cluster.awaitLiveBrokers(2, TIMEOUT);
        // Two replicas in sync are enough for acks=all: the cluster still takes writes.
        send(producer, "during", 100, acknowledged);

        cluster.restart(2);
        assertThat(cluster.broker(2).pid()).isNotEqualTo(pid);
        cluster.awaitLiveBrokers(3, TIMEOUT);
        cluster.awaitFullyReplicated(TIMEOUT);
        send(producer, "after", 100, acknowledged);
      }
      assertThat(cluster.underReplicated()).isEmpty();

      try (TopicReader<String, String> reader = new TopicReader<>(cluster.bootstrapServers(), "faults",
          IsolationLevel.READ_COMMITTED, new StringDeserializer(), new StringDeserializer())) {
        assertThat(reader.catchUp().stream().map(ConsumerRecord::value).toList())
            .containsExactlyInAnyOrderElementsOf(acknowledged);
      }
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
        new StringSerializer(), new StringSerializer());
  }

  private static void send(KafkaProducer<String, String> producer, String phase, int count, List<String> acked)
      throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String value = phase + "-" + i;
      values.add(value);
      sent.add(producer.send(new ProducerRecord<>("faults", String.valueOf(i), value)));
    }
    for (Future<RecordMetadata> ack : sent) {
      ack.get();
    }
    acked.addAll(values);
  }
}
