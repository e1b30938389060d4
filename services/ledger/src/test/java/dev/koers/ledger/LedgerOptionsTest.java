package dev.koers.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerOptionsTest {

  @Test
  void defaultsNeedOnlyTheBootstrapServers() {
    LedgerOptions options = LedgerOptions.parse(new String[] {"--bootstrap-servers", "k1:9092"}, Map.of());

    assertThat(options).isEqualTo(new LedgerOptions("k1:9092", Path.of("data/streams"), "", 3, (short) 3,
        Duration.ofMinutes(2), 100));
    assertThat(options.applicationId()).isEqualTo("koers-ledger");
    assertThat(options.streamsSettings().applicationServer()).isNull();
  }

  @Test
  void aFlagWinsOverTheEnvironmentWhichWinsOverTheDefault() {
    Map<String, String> env = Map.of(
        "KOERS_BOOTSTRAP_SERVERS", "env:9092",
        "KOERS_STATE_DIR", "/var/lib/koers",
        "KOERS_PARTITIONS", "12",
        "KOERS_CLOCK_SKEW", "PT30S");

    LedgerOptions options = LedgerOptions.parse(
        new String[] {"--partitions=6", "--topic-prefix", "t1.", "--replication-factor", "-1"}, env);

    assertThat(options.bootstrapServers()).isEqualTo("env:9092");
    assertThat(options.stateDir()).isEqualTo(Path.of("/var/lib/koers"));
    assertThat(options.partitions()).isEqualTo(6);
    assertThat(options.topicPrefix()).isEqualTo("t1.");
    assertThat(options.applicationId()).isEqualTo("t1.koers-ledger");
    assertThat(options.topics().submissions().name()).isEqualTo("t1.koers.decision.submissions");
    assertThat(options.replicationFactor()).isEqualTo((short) -1);
    assertThat(options.clockSkew()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theArgumentsItPrintsParseBackToTheSameOptions() {
    LedgerOptions options = new LedgerOptions("a:1,b:2", Path.of("/tmp/s"), "", 2, (short) 1,
        Duration.ofSeconds(5), 50);

    assertThat(LedgerOptions.parse(options.toArgs().toArray(String[]::new), Map.of())).isEqualTo(options);
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> LedgerOptions.parse(new String[0], Map.of()))
        .hasMessageContaining("--bootstrap-servers");
    assertThatThrownBy(() -> LedgerOptions.parse(new String[] {"--bootstrap-servers", "k:1", "--partiton", "3"},
        Map.of())).hasMessageContaining("unknown option --partiton");
    assertThatThrownBy(() -> LedgerOptions.parse(new String[] {"--bootstrap-servers"}, Map.of()))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> LedgerOptions.parse(new String[] {"--bootstrap-servers", "k:1", "--clock-skew", "2m"},
        Map.of())).hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> LedgerOptions.parse(new String[] {"--bootstrap-servers", "k:1", "--partitions", "0"},
        Map.of())).hasMessageContaining("--partitions");
    assertThat(LedgerOptions.wantsHelp(new String[] {"--help"})).isTrue();
  }
}
