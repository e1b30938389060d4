package dev.koers.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessKafkaIT {

    private static final int SIGKILL_EXIT_CODE = 128 + 9;
    private static final int SIGTERM_EXIT_CODE = 128 + 15;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedRecordSurvivesSigkillAndRestart() throws Exception {
        try (ChildProcessKafka kafka = ChildProcessKafka.start(BrokerSettings.inDirectory(dataDir))) {
            String bootstrap = kafka.bootstrapServers();
            long firstPid = kafka.pid();
            TestClients.createTopic(bootstrap, "crash", Optional.of(1));
            TestClients.send(bootstrap, "crash", "decision-9", "acknowledged before the crash");

            assertThat(kafka.kill()).isEqualTo(SIGKILL_EXIT_CODE);
            assertThat(kafka.isRunning()).isFalse();
            assertThat(ProcessHandle.of(firstPid)).isEmpty();

            kafka.restart();

            assertThat(kafka.pid()).isNotEqualTo(firstPid);
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(TestClients.readAtLeast(bootstrap, "crash", 1))
                    .extracting(record -> record.value())
                    .containsExactly("acknowledged before the crash");
        }
    }

    @Test
    void stopShutsTheBrokerDownCleanly() {
        try (ChildProcessKafka kafka = ChildProcessKafka.start(BrokerSettings.inDirectory(dataDir))) {
            long pid = kafka.pid();

            assertThat(kafka.stop()).isEqualTo(SIGTERM_EXIT_CODE);

            assertThat(kafka.isRunning()).isFalse();
            assertThat(ProcessHandle.of(pid)).isEmpty();
            // Kafka writes this marker only at the end of an orderly shutdown of its log manager.
            assertThat(dataDir.resolve("kafka-logs/.kafka_cleanshutdown")).exists();
            assertThat(kafka.logFile()).content().contains("shut down completed");
            assertThat(kafka.stop()).as("stopping again reports the same exit").isEqualTo(SIGTERM_EXIT_CODE);
        }
    }
}
