package dev.koers.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void restartOnTheSameDataDirWithOtherPortsFindsEarlierRecords() throws Exception {
        BrokerSettings settings = BrokerSettings.inDirectory(dataDir);
        BrokerPorts firstPorts;
        String clusterId;
        try (EmbeddedKafka first = EmbeddedKafka.start(settings)) {
            firstPorts = first.ports();
            clusterId = first.clusterId();
            TestClients.createTopic(first.bootstrapServers(), "decisions", Optional.of(3));
            TestClients.send(first.bootstrapServers(), "decisions", "decision-7", "written before restart");
        }

        BrokerPorts otherPorts = TestPorts.freePortsOtherThan(firstPorts);
        try (EmbeddedKafka second = EmbeddedKafka.start(settings.withPorts(otherPorts))) {
            assertThat(second.ports()).isEqualTo(otherPorts);
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(TestClients.readAtLeast(second.bootstrapServers(), "decisions", 1))
                    .extracting(record -> record.value())
                    .containsExactly("written before restart");
        }
    }
}
