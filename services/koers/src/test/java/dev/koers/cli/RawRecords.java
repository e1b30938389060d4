package dev.koers.cli;

import dev.koers.testkit.KafkaTestEnv;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes bytes to a topic as anyone with write access could: garbage, empty values, unknown schemas. */
final class RawRecords implements AutoCloseable {

  static final byte[] GARBAGE = "this is not Avro".getBytes(StandardCharsets.UTF_8);
  /** Avro single-object encoding's marker, then a fingerprint no released schema has. */
  static final byte[] UNKNOWN_SCHEMA = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 2, 'x'};

  /** Each unreadable kind once: garbage bytes, a null value, a schema fingerprint nobody knows. */
  static final List<byte[]> UNREADABLE = java.util.Arrays.asList(GARBAGE, null, UNKNOWN_SCHEMA);

  private final KafkaProducer<String, byte[]> producer;

  RawRecords(KafkaTestEnv kafka) {
    Map<String, Object> config = kafka.clientConfig();
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /** Writes each value to every partition of the topic and returns once the broker has them all. */
  void toEveryPartition(String topic, List<byte[]> values) throws Exception {
    int partitions = producer.partitionsFor(topic).size();
    for (int partition = 0; partition < partitions; partition++) {
      for (byte[] value : values) {
        send(new ProducerRecord<>(topic, partition, "unreadable-" + partition, value));
      }
    }
  }

  void send(ProducerRecord<String, byte[]> record)
      throws InterruptedException, ExecutionException, TimeoutException {
    producer.send(record).get(30, TimeUnit.SECONDS);
  }

  int partitions(String topic) {
    return producer.partitionsFor(topic).size();
  }

  @Override
  public void close() {
    producer.close();
  }
}
