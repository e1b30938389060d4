package dev.koers.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The failover defaults apply unless the operator sets the same property; Koers' guarantees always apply. */
class StreamsSettingsTest {

  private static Properties properties(Map<String, String> clientProperties) {
    return new StreamsSettings(new KafkaConnection("127.0.0.1:9092", clientProperties), "app", Path.of("state"),
        (short) 3, 100, null).toProperties();
  }

  @Test
  void failoverDefaultsApplyWhenTheOperatorSetsNone() {
    Properties properties = properties(Map.of());
    assertThat(properties).containsEntry("session.timeout.ms", FailoverDefaults.SESSION_TIMEOUT_MS)
        .containsEntry("num.standby.replicas", FailoverDefaults.STANDBY_REPLICAS);
  }

  @Test
  void anOperatorsPropertyWinsOverADefaultButNeverOverAGuarantee() {
    Properties properties = properties(Map.of("session.timeout.ms", "45000", "num.standby.replicas", "0",
        "processing.guarantee", "at_least_once"));
    assertThat(properties).containsEntry("session.timeout.ms", "45000").containsEntry("num.standby.replicas", "0")
        .containsEntry("processing.guarantee", "exactly_once_v2");
  }

  @Test
  void pollsTenTimesPerCommitIntervalSoACommitIsNotLateByAWholePoll() {
    assertThat(withCommitInterval(100)).containsEntry(StreamsConfig.POLL_MS_CONFIG, 10L);
    assertThat(withCommitInterval(30_000)).containsEntry(StreamsConfig.POLL_MS_CONFIG, 100L);
    assertThat(withCommitInterval(5)).containsEntry(StreamsConfig.POLL_MS_CONFIG, 1L);
  }

  private static Properties withCommitInterval(long commitIntervalMs) {
    return new StreamsSettings("127.0.0.1:9092", "app", Path.of("state"), (short) 3, commitIntervalMs, null)
        .toProperties();
  }
}
