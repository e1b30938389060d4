package dev.koers.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** A single-node Kafka in Docker, configured like the embedded broker so tests behave the same on both. */
final class ContainerBroker implements TestBroker {

    /** The build's own Kafka version, never latest: the container runs the broker the clients were built for. */
    static final String IMAGE = "apache/kafka:" + KafkaVersion.ofClients();

    private final KafkaContainer container;

    private ContainerBroker(KafkaContainer container) {
        this.container = container;
    }

    static ContainerBroker start() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        return new ContainerBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public BrokerSource source() {
        return BrokerSource.TESTCONTAINERS;
    }

    @Override
    public void close() {
        container.stop();
    }
}
