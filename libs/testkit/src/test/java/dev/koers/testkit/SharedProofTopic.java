package dev.koers.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The topic through which the two SharedBroker test classes show that they use one and the same broker. */
final class SharedProofTopic {

    /** One name per test JVM, so neither a second broker nor an earlier run on an external cluster has it. */
    static final String NAME = "testkit-shared-proof-" + UUID.randomUUID();

    private static final TopicPartition ONLY_PARTITION = new TopicPartition(NAME, 0);

    private SharedProofTopic() {
    }

    static void write(KafkaTestEnv env, String key, String value) throws ExecutionException, InterruptedException {
        Map<String, Object> config = env.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(NAME, key, value)).get();
        }
    }

    static List<ConsumerRecord<String, String>> readAtLeast(KafkaTestEnv env, int expected) {
        Map<String, Object> config = env.clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(List.of(ONLY_PARTITION));
            consumer.seekToBeginning(List.of(ONLY_PARTITION));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
