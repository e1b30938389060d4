package dev.koers.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.testkit.TopicSnapshot;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What no processor of a Koers application catches costs its record only: on a real broker, a record that
 * cannot be deserialized and one whose processing throws each reach the dead-letter topic with Kafka's
 * {@code __streams.errors.*} headers, and the next record is processed (StreamsErrorHandling, KIP-1033/1034).
 */
@KafkaIntegrationTest
class StreamsDeadLetterIT {

  /** Passes numbers on, and throws on 13, as a processor with a bug would on one record. */
  private static final class Superstitious implements Processor<byte[], Integer, byte[], Integer> {
    private ProcessorContext<byte[], Integer> context;

    @Override
    public void init(ProcessorContext<byte[], Integer> context) {
      this.context = context;
    }

    @Override
    public void process(Record<byte[], Integer> record) {
      if (record.value() == 13) {
        throw new IllegalStateException("13 cannot be processed");
      }
      context.forward(record);
    }
  }

  @Test
  void anUnreadableAndAFailingRecordAreDeadLetteredAndTheNextOneIsProcessed(KafkaTestEnv kafka, @TempDir Path dir)
      throws Exception {
    String input = kafka.uniqueName("dlq-input");
    String output = kafka.uniqueName("dlq-output");
    String deadLetters = kafka.uniqueName("dlq-deadletter");
    kafka.createTopics(1, input, output, deadLetters);
    Topology topology = new Topology();
    topology.addSource("input", Serdes.ByteArray().deserializer(), Serdes.Integer().deserializer(), input);
    topology.addProcessor("superstitious", Superstitious::new, "input");
    topology.addSink("output", output, Serdes.ByteArray().serializer(), Serdes.Integer().serializer(),
        "superstitious");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.clientConfig(), new ByteArraySerializer(),
        new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(input, bytes("k"), new byte[] {1, 2, 3})).get();
      producer.send(new ProducerRecord<>(input, bytes("k"), ByteBuffer.allocate(4).putInt(13).array())).get();
      producer.send(new ProducerRecord<>(input, bytes("k"), ByteBuffer.allocate(4).putInt(7).array())).get();
    }

    try (StreamsService service = new StreamsService("superstitious", topology, new StreamsSettings(
        kafka.bootstrapServers(), kafka.uniqueName("dlq"), dir, (short) 1, 100, null), deadLetters)) {
      service.start();

      await().atMost(Duration.ofSeconds(60)).until(() -> values(kafka, output).size() == 1);
      assertThat(values(kafka, output)).containsExactly(7);
      await().atMost(Duration.ofSeconds(60)).until(() -> letters(kafka, deadLetters).size() == 2);
      List<ConsumerRecord<byte[], byte[]>> letters = letters(kafka, deadLetters);
      assertThat(letters).map(r -> header(r, "__streams.errors.exception"))
          .containsExactly("org.apache.kafka.common.errors.SerializationException",
              "java.lang.IllegalStateException");
      assertThat(letters).map(r -> header(r, "__streams.errors.topic")).containsOnly(input);
      assertThat(letters).map(r -> header(r, "__streams.errors.offset")).containsExactly("0", "1");
      assertThat(letters.get(0).value()).containsExactly(1, 2, 3);
      assertThat(service.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
  }

  private static List<Integer> values(KafkaTestEnv kafka, String topic) {
    return TopicSnapshot.read(kafka, topic, Serdes.ByteArray().deserializer(), Serdes.Integer().deserializer())
        .stream().map(ConsumerRecord::value).toList();
  }

  private static List<ConsumerRecord<byte[], byte[]>> letters(KafkaTestEnv kafka, String topic) {
    return TopicSnapshot.read(kafka, topic, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return record.headers().lastHeader(name) == null ? null
        : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
