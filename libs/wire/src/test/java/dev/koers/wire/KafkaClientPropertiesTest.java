package dev.koers.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientPropertiesTest {

  @TempDir
  Path dir;

  @Test
  void variablesAreSpelledAsTheKafkaImageSpellsThem() {
    assertThat(KafkaClientProperties.propertyName("SASL_JAAS_CONFIG")).isEqualTo("sasl.jaas.config");
    assertThat(KafkaClientProperties.propertyName("SOME__ODD___NAME")).isEqualTo("some_odd-name");
  }

  @Test
  void theEnvironmentAddsToAndOverridesTheFileButNotKoersOwnOptions() throws Exception {
    Path file = Files.writeString(dir.resolve("client.properties"), "security.protocol=SSL\nlinger.ms=5\n");
    Map<String, String> properties = KafkaClientProperties.load(file, Map.of(
        "KOERS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KOERS_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
        "KOERS_KAFKA_PORT", "9092", "KOERS_PORT", "8080"), Set.of("KOERS_KAFKA_PORT"));
    assertThat(properties).containsExactlyInAnyOrderEntriesOf(Map.of("security.protocol", "SASL_SSL",
        "sasl.mechanism", "SCRAM-SHA-512", "linger.ms", "5"));
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> KafkaClientProperties.load(dir.resolve("nope.properties"), Map.of(), Set.of()))
        .hasMessageContaining("nope.properties");
  }

  @Test
  void koersOwnSettingsWinOverThePassthroughAndTheServersAreTheConnections() {
    KafkaConnection connection = new KafkaConnection("a:9093", Map.of("isolation.level", "read_uncommitted",
        "bootstrap.servers", "elsewhere:1", "security.protocol", "SASL_SSL", "sasl.jaas.config", "secret"));
    assertThat(connection.config(Map.of("isolation.level", "read_committed")))
        .containsEntry("isolation.level", "read_committed").containsEntry("bootstrap.servers", "a:9093")
        .containsEntry("security.protocol", "SASL_SSL");
    assertThat(connection.toString()).isEqualTo("a:9093 (SASL_SSL)").doesNotContain("secret");
  }
}
