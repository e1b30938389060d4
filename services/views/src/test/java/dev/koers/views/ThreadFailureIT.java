package dev.koers.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import dev.koers.wire.ThreadReplacement;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What no handler catches (here an Error on one record) kills the stream thread; replaced, the new thread meets
 * the same record. On a real broker the instance stops once its budget of replacements is spent, in state ERROR with the cause
 * in its readiness problem, instead of looping on the record forever.
 */
@KafkaIntegrationTest
class ThreadFailureIT {

  /** Fails with an Error, which no exception handler of Kafka Streams or the quarantine catches. */
  private static final class EndlessFold implements Processor<byte[], byte[], Void, Void> {
    @Override
    public void process(Record<byte[], byte[]> record) {
      throw new StackOverflowError("a fold that recurses without end");
    }
  }

  @Test
  void aThreadThatKeepsFailingOnTheSameRecordStopsTheInstanceAndSaysWhy(KafkaTestEnv kafka, @TempDir Path dir)
      throws Exception {
    String input = kafka.uniqueName("failing-input");
    String deadLetters = kafka.uniqueName("failing-deadletter");
    kafka.createTopics(1, input, deadLetters);
    Topology topology = new Topology();
    topology.addSource("input", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), input);
    topology.addProcessor("fold", EndlessFold::new, "input");
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(input, new byte[] {1}, new byte[] {2})).get();
    }

    try (StreamsService service = new StreamsService("poisoned", topology, new StreamsSettings(
        kafka.bootstrapServers(), kafka.uniqueName("failing"), dir, (short) 1, 100, null), deadLetters,
        // One replacement instead of three: each costs a rebalance of tens of seconds on the test broker.
        new ThreadReplacement("poisoned", 1, Duration.ofMinutes(10), Clock.systemUTC()))) {
      service.start();

      await().atMost(Duration.ofSeconds(180)).until(() -> service.streams().state() == KafkaStreams.State.ERROR);
      assertThat(service.problem()).hasValueSatisfying(problem -> assertThat(problem)
          .startsWith("poisoned is ERROR").contains("a stream thread failed", "StackOverflowError",
              "recurses without end"));
    }
  }
}
