package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.testkit.ContainerKafka;
import dev.koers.testkit.ContainerKafkaEnv;
import dev.koers.wire.KafkaConnection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Koers end to end against Testcontainers' {@code apache/kafka} (the build's Kafka version) where Docker exists;
 * skipped with a message saying so where it does not (as on the development machines and CI here).
 */
@ContainerKafka
class ContainerKafkaIT {

  @Test
  void koersAcceptsACommandAndAnswersAQueryOnTheKafkaContainer(ContainerKafkaEnv kafka, @TempDir Path dir)
      throws Exception {
    assertThat(kafka.image()).startsWith("apache/kafka:");
    RoundTrip.run(KafkaConnection.plain(kafka.bootstrapServers()), dir, "tc-1", "In a container");
  }
}
