package dev.koers.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedKafkaIT {

    private Path dataDir;
    private EmbeddedKafka kafka;

    @BeforeAll
    void startBroker(@TempDir Path tempDir) {
        dataDir = tempDir;
        kafka = EmbeddedKafka.start(BrokerSettings.inDirectory(dataDir).withDefaultPartitions(2));
    }

    @AfterAll
    void stopBroker() {
        kafka.close();
    }

    @Test
    void recordRoundTripsThroughTheBroker() throws Exception {
        TestClients.createTopic(kafka.bootstrapServers(), "round-trip", Optional.of(1));

        TestClients.send(kafka.bootstrapServers(), "round-trip", "decision-1", "approved");

        assertThat(TestClients.readAtLeast(kafka.bootstrapServers(), "round-trip", 1))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.key()).isEqualTo("decision-1");
                    assertThat(record.value()).isEqualTo("approved");
                });
    }

    @Test
    void topicWithoutPartitionCountGetsTheConfiguredDefault() throws Exception {
        TestClients.createTopic(kafka.bootstrapServers(), "default-partitions", Optional.empty());

        assertThat(TestClients.describeTopic(kafka.bootstrapServers(), "default-partitions").partitions())
                .hasSize(2);
    }

    @Test
    void brokerListensOnLoopbackAndKeepsItsDataInTheDataDir() {
        assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.ports().broker());
        assertThat(kafka.dataDir()).isEqualTo(dataDir);
        assertThat(dataDir.resolve("kafka-logs/meta.properties")).content().contains(kafka.clusterId());
    }

    @Test
    void fatalExitOfTheBrokerThrowsInsteadOfEndingTheJvm() {
        assertThatThrownBy(() -> Exit.exit(1, "simulated fatal error"))
                .isInstanceOf(BrokerExitException.class)
                .hasMessageContaining("simulated fatal error");
        assertThatThrownBy(() -> Exit.halt(1))
                .isInstanceOf(BrokerExitException.class);
    }
}
